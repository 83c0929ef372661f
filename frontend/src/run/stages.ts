// The stages Inspect shows for one visit of a state, in the order the
// state applies them. Which stages a state has depends on its type and
// query language (AWS's developer guide: "Processing input and output"
// for JSONPath, "Transforming data with JSONata" for JSONata); the values
// come from the history (the input, what a task was given, its result,
// the variables assigned, the output) and from the engine's stage records
// (the values between the steps, which AWS's history does not keep).
import type { Visit } from "./inspect";

export type Lang = "JSONPath" | "JSONata";
type Obj = Record<string, unknown>;

export type StageKind =
  | "input"
  | "context"
  | "inputPath"
  | "parameters"
  | "arguments"
  | "task"
  | "items"
  | "itemSelector"
  | "result"
  | "resultSelector"
  | "choice"
  | "wait"
  | "assign"
  | "resultPath"
  | "output"
  | "fail";

/** The stages of each state type in each query language, in order. */
export const stageTable: Record<Lang, Record<string, StageKind[]>> = {
  JSONPath: {
    Task: ["input", "inputPath", "task", "resultSelector", "assign", "resultPath", "output"],
    Parallel: ["input", "inputPath", "parameters", "result", "resultSelector", "assign", "resultPath", "output"],
    Map: ["input", "inputPath", "items", "itemSelector", "result", "resultSelector", "assign", "resultPath", "output"],
    Pass: ["input", "inputPath", "parameters", "result", "assign", "resultPath", "output"],
    Wait: ["input", "inputPath", "wait", "assign", "output"],
    Choice: ["input", "inputPath", "choice", "assign", "output"],
    Succeed: ["input", "inputPath", "output"],
    Fail: ["input", "fail"],
  },
  JSONata: {
    Task: ["input", "context", "task", "assign", "output"],
    Parallel: ["input", "context", "arguments", "result", "assign", "output"],
    Map: ["input", "context", "items", "itemSelector", "result", "assign", "output"],
    Pass: ["input", "context", "assign", "output"],
    Wait: ["input", "context", "wait", "assign", "output"],
    Choice: ["input", "context", "choice", "assign", "output"],
    Succeed: ["input", "context", "output"],
    Fail: ["input", "context", "fail"],
  },
};

/** The stages before the state's work ends: what a failure or a Catch leaves standing. */
const before = new Set<StageKind>(["input", "context", "inputPath", "parameters", "arguments", "task", "items", "itemSelector", "fail"]);

export interface StageRow {
  kind: StageKind | "caught" | "errorOutput" | "catchAssign" | "catchResult";
  /** Plain words first, the ASL field behind in brackets. */
  label: string;
  /** JSON text to show. */
  json?: string;
  /** Variables assigned: name -> JSON text. */
  vars?: Record<string, string>;
  /** Words instead of a value (why there is none, or what happened). */
  note?: string;
  tone?: "error" | "caught";
}

export interface StageInput {
  type: string;
  lang: Lang;
  /** The state's definition, when the workflow has it. */
  def: Obj | null;
  visit: Visit;
  /** The engine's stage records of the visit, by step. */
  steps: Record<string, string>;
  /** The run was imported: AWS's history has no stage records. */
  imported?: boolean;
}

const notRecorded = "Not recorded: AWS's history does not keep this value.";

/** The rows Inspect shows for a visit. */
export function stageRows(i: StageInput): StageRow[] {
  const { visit: v, lang } = i;
  const kinds = stageTable[lang][i.type] ?? ["input", "output"];
  const cut = v.status === "caught" || v.status === "failed";
  const rows: StageRow[] = [];
  for (const k of kinds) {
    if (cut && !before.has(k)) {
      if (v.status === "failed" || k === "output") break;
      continue;
    }
    rows.push(...rowsOf(k, i));
  }
  if (v.status === "caught") rows.push(...caughtRows(i));
  if (!i.imported) {
    // The engine records every value a studio run reaches: a missing one
    // was not reached (or the run is older than the records).
    const why: Record<string, string> = {
      running: "Not reached yet.",
      failed: "Not reached: the state failed before this.",
      cancelled: "Not reached: the run ended first.",
    };
    for (const r of rows) if (r.note === notRecorded) r.note = why[v.status] ?? "Not recorded for this run.";
  }
  return rows;
}

/** Whether the state has field: from its definition, else from whether a value was recorded. */
function has(i: StageInput, field: string, step = field): boolean {
  return i.def ? i.def[field] !== undefined : i.steps[step] !== undefined;
}

function recorded(i: StageInput, step: string, label: string, kind: StageKind, absent: string, field = step): StageRow[] {
  if (!has(i, field, step)) return [{ kind, label, note: absent }];
  const json = i.steps[step];
  return [json !== undefined ? { kind, label, json } : { kind, label, note: notRecorded }];
}

function rowsOf(k: StageKind, i: StageInput): StageRow[] {
  const { visit: v, lang, type } = i;
  const ata = lang === "JSONata";
  switch (k) {
    case "input":
      return [{ kind: k, label: `What the state received (${ata ? "$states.input" : "Input"})`, json: v.input }];
    case "context":
      return i.steps.Context !== undefined ? [{ kind: k, label: "What the state knew of the run ($states.context)", json: i.steps.Context }] : [];
    case "inputPath":
      if (i.def?.InputPath === null) return [{ kind: k, label: "The part of the input it used (InputPath)", note: "InputPath null: it worked on {}." }];
      return recorded(i, "InputPath", "The part of the input it used (InputPath)", k, "No InputPath: the whole input.");
    case "parameters":
      return recorded(i, "Parameters", type === "Parallel" ? "What each branch was given (Parameters)" : "What it worked on (Parameters)", k, "No Parameters: the input as it is.");
    case "arguments":
      return recorded(i, "Arguments", "What each branch was given (Arguments)", k, "No Arguments: the input as it is.");
    case "task":
      return taskRows(i);
    case "items":
      if (i.def?.ItemReader !== undefined) return [{ kind: k, label: "The items (ItemReader)", note: "Read by the ItemReader." }];
      return ata
        ? recorded(i, "Items", "The items (Items)", k, "No Items: the input is the list of items.")
        : recorded(i, "Items", "The items (ItemsPath)", k, "No ItemsPath: the input is the list of items.", "ItemsPath");
    case "itemSelector":
      return itemRows(i);
    case "result":
      return resultRows(i);
    case "resultSelector":
      return recorded(i, "ResultSelector", "The result reshaped (ResultSelector)", k, "No ResultSelector: the result as it is.");
    case "choice":
      return [choiceRow(i)];
    case "wait": {
      const w = parse(i.steps.Wait) as { Until?: string } | undefined;
      return [{ kind: k, label: "Waited until (Seconds, Timestamp)", note: w?.Until ? `Until ${w.Until}` : notRecorded }];
    }
    case "assign":
      return assignRows(i, "Assign", "Variables assigned (Assign)", k);
    case "resultPath":
      if (i.def?.ResultPath === null) return [{ kind: k, label: "The result placed into the input (ResultPath)", note: "ResultPath null: the input passes on, the result is dropped." }];
      return recorded(i, "ResultPath", "The result placed into the input (ResultPath)", k, "No ResultPath: the result becomes the output.");
    case "output":
      if (v.output === undefined) return [{ kind: k, label: outputLabel(lang), note: notRecorded }];
      return [{ kind: k, label: outputLabel(lang), json: v.output }];
    case "fail": {
      const err = v.error ?? str(i.def?.Error);
      const cause = v.cause ?? str(i.def?.Cause);
      const text = err || cause ? `${err ?? "(no error name)"}${cause ? `: ${cause}` : ""}` : "No error name or cause: the Fail state gives none.";
      return [{ kind: k, label: "The error it failed with (Error, Cause)", note: text, tone: "error" }];
    }
  }
}

const outputLabel = (lang: Lang) => (lang === "JSONata" ? "What the state passed on (Output)" : "What the state passed on (Output, after OutputPath)");

function taskRows(i: StageInput): StageRow[] {
  const { visit: v, lang } = i;
  const field = lang === "JSONata" ? "Arguments" : "Parameters";
  if (!v.attempts.length) return [{ kind: "task", label: `What the task was given (${field})`, note: v.status === "running" ? "Not given yet." : notRecorded }];
  const rows: StageRow[] = [];
  const n = v.attempts.length;
  v.attempts.forEach((a, k) => {
    const of = n > 1 ? ` · attempt ${k + 1} of ${n}` : "";
    rows.push({ kind: "task", label: `What the task was given (${field})${of}`, json: a.parameters });
    if (a.result !== undefined) rows.push({ kind: "task", label: `What the task returned (${lang === "JSONata" ? "$states.result" : "result"})${of}`, json: a.result });
    if (a.error) rows.push({ kind: "task", label: `The task failed${of}`, note: `${a.error}${a.cause ? `: ${a.cause}` : ""}`, tone: "error" });
  });
  return rows;
}

function itemRows(i: StageInput): StageRow[] {
  const field = i.def?.ItemSelector !== undefined || i.def?.Parameters !== undefined;
  const items = Object.keys(i.steps)
    .map((k) => /^ItemSelector #(\d+)$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  if (!items.length) {
    const set = i.def ? field : false;
    return [{ kind: "itemSelector", label: "What each item was given (ItemSelector)", note: set ? notRecorded : "No ItemSelector: each item as it is." }];
  }
  return items.map((n) => ({ kind: "itemSelector" as const, label: `What item ${n} was given (ItemSelector)`, json: i.steps[`ItemSelector #${n}`] }));
}

function resultRows(i: StageInput): StageRow[] {
  const ata = i.lang === "JSONata" ? ", $states.result" : "";
  if (i.type === "Pass") return recorded(i, "Result", "The result (Result)", "result", "No Result: what it worked on becomes the result.");
  const label = i.type === "Map" ? `What the items returned (the result${ata})` : `What the branches returned (the result${ata})`;
  const json = i.steps.Result;
  return [json !== undefined ? { kind: "result", label, json } : { kind: "result", label, note: notRecorded }];
}

function choiceRow(i: StageInput): StageRow {
  const c = parse(i.steps.Choice) as { Rule?: number; Next?: string; Default?: string } | undefined;
  const label = "The rule that matched (Choices)";
  if (!c) return { kind: "choice", label, note: i.visit.status === "failed" ? "No rule matched and there is no Default." : notRecorded };
  if (c.Default !== undefined) return { kind: "choice", label, note: `No rule matched: on to the Default, ${c.Default}.` };
  return { kind: "choice", label, note: `Rule ${(c.Rule ?? 0) + 1} matched: on to ${c.Next}.` };
}

function assignRows(i: StageInput, step: string, label: string, kind: StageRow["kind"]): StageRow[] {
  const json = i.steps[step];
  const vars = i.visit.assigned && Object.keys(i.visit.assigned).length ? i.visit.assigned : undefined;
  if (json === undefined && !vars) return [];
  // The history's assigned variables are what was set; the stage record
  // is the Assign's value, the same when both exist.
  return [vars ? { kind, label, vars } : { kind, label, json }];
}

/** The Catch that matched: recorded by the engine, else found in the definition. */
function catcher(i: StageInput): { Next?: string; ResultPath?: unknown; Output?: unknown; Assign?: unknown } | undefined {
  const rec = parse(i.steps.Catch) as Obj | undefined;
  if (rec) return rec;
  const list = Array.isArray(i.def?.Catch) ? (i.def.Catch as Obj[]) : [];
  const err = i.visit.error ?? "";
  return list.find((c) => {
    const eq = Array.isArray(c.ErrorEquals) ? (c.ErrorEquals as string[]) : [];
    const terminal = err === "States.Runtime" || err === "States.DataLimitExceeded";
    return (
      eq.includes(err) ||
      (eq.includes("States.ALL") && !terminal) ||
      (i.type === "Task" && eq.includes("States.TaskFailed") && !terminal && err !== "States.Timeout")
    );
  });
}

function caughtRows(i: StageInput): StageRow[] {
  const { visit: v, lang } = i;
  const c = catcher(i);
  const err = v.error ?? "an error";
  const next = c?.Next ? ` → ${c.Next}` : "";
  let where: string;
  if (lang === "JSONata") where = c?.Output !== undefined ? "the Catch's Output gave the output" : "the error output became the output";
  else if (c?.ResultPath === null) where = "the input went on unchanged";
  else if (typeof c?.ResultPath === "string") where = `the error went to ${c.ResultPath}`;
  else where = "the error output replaced the input";
  const rows: StageRow[] = [{ kind: "caught", label: "Caught (Catch)", note: `Caught ${err}${next}; ${where}.`, tone: "caught" }];
  const errOut = i.steps.ErrorOutput ?? JSON.stringify({ Error: v.error, Cause: v.cause });
  rows.push({ kind: "errorOutput", label: lang === "JSONata" ? "The error output ($states.errorOutput)" : "The error output (Error, Cause)", json: errOut });
  if (i.steps["Catch.Assign"] !== undefined || c?.Assign !== undefined) rows.push(...assignRows(i, "Catch.Assign", "Variables the Catch assigned (Assign)", "catchAssign"));
  if (lang === "JSONPath") {
    rows.push({ kind: "catchResult", label: "The error placed into the input (the Catch's ResultPath)", json: i.steps["Catch.ResultPath"] ?? v.output });
  } else {
    rows.push({ kind: "output", label: "What the state passed on (the Catch's Output)", json: i.steps["Catch.Output"] ?? v.output });
    return rows;
  }
  rows.push({ kind: "output", label: "What the state passed on (Output)", json: v.output });
  return rows;
}

export interface Headline {
  text: string;
  tone: "ok" | "error" | "caught" | "muted";
}

/**
 * One line on how the visit ended, in plain words. "Still running" only
 * while the run is live; a replay says where it is.
 */
export function headline(v: Visit, moment: "live" | "replay" | "ended"): Headline {
  const ms = v.end ? Date.parse(v.end) - Date.parse(v.start) : NaN;
  const took = Number.isFinite(ms) ? ` in ${ms} ms` : "";
  const retried = v.attempts.filter((a) => a.error).length;
  switch (v.status) {
    case "succeeded":
      return { text: `Succeeded${took}${retried ? `, after ${retried} failed attempt${retried > 1 ? "s" : ""} (retried)` : ""}`, tone: "ok" };
    case "caught":
      return { text: `Failed with ${v.error ?? "an error"}, caught${took}`, tone: "caught" };
    case "failed":
      return { text: `Failed${took}`, tone: "error" };
    case "cancelled":
      return { text: "Cancelled: the run ended before this state did", tone: "muted" };
    default:
      if (moment === "live") return { text: "Still running", tone: "muted" };
      if (moment === "replay") return { text: "Running at this point of the replay", tone: "muted" };
      return { text: "No end recorded: the history stops before this state ended", tone: "muted" };
  }
}

function parse(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
