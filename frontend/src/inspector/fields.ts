// Which fields a state shows, by type and query language. A state is
// written in its own QueryLanguage, else the machine's, else JSONPath;
// JSONPath states shape data with paths (InputPath, Parameters,
// ResultSelector, ResultPath, OutputPath), JSONata states with Arguments
// and Output. Assign exists in both, on every state but Succeed and Fail.
// Which of them a type has, and which form parts edit it, is the state
// registry's to say (states/registry.ts); the fields themselves are here.
import type { Kind, Limits } from "./values";
import { stateKind, type FormPart, type QueryLanguage } from "../states/registry";
import { fieldDoc, type FieldObject } from "../code/fieldDoc";

export type Lang = QueryLanguage;

export interface FieldSpec extends Limits {
  key: string;
  label: string;
  kind: Kind;
  help: string;
  options?: string[];
  placeholder?: string;
  /** Free text that may run long (Comment): a text area. */
  multiline?: boolean;
  /** The ASL name, shown beside the plain label when the label is not it. */
  asl?: string;
}

/**
 * A field of an object of the field table: its help is the table's
 * description (fieldDoc), the label and input are the inspector's.
 */
export const specOf = (object: FieldObject, key: string, label: string, kind: Kind, more: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  kind,
  help: fieldDoc(object, more.asl ?? key),
  ...more,
});

/** Fields shared by several state types, described once in the table (on Task, or Pass for Result). */
const spec = (key: string, label: string, kind: Kind, more: Partial<FieldSpec> = {}): FieldSpec => specOf(key === "Result" ? "Pass" : "Task", key, label, kind, more);

export const fieldSpecs = {
  InputPath: spec("InputPath", "Input path", "path", { nullable: true, placeholder: "$" }),
  Parameters: spec("Parameters", "Parameters", "json"),
  ResultSelector: spec("ResultSelector", "Result selector", "json"),
  ResultPath: spec("ResultPath", "Result path", "path", { nullable: true, placeholder: "$" }),
  OutputPath: spec("OutputPath", "Output path", "path", { nullable: true, placeholder: "$" }),
  Arguments: spec("Arguments", "Arguments", "json"),
  Output: spec("Output", "Output", "json"),
  Assign: spec("Assign", "Assign variables", "json"),
  Result: spec("Result", "Result", "json"),
  Comment: spec("Comment", "Comment", "text", { multiline: true }),
  Resource: spec("Resource", "Integration (Resource)", "text", { placeholder: "arn:aws:states:::lambda:invoke" }),
} satisfies Record<string, FieldSpec>;

/** TimeoutSeconds / HeartbeatSeconds (and their JSONPath ...Path forms). */
export function timingSpecs(lang: Lang): FieldSpec[] {
  const ex = lang === "JSONata";
  const out = [
    spec("TimeoutSeconds", "Timeout (seconds)", "int", { min: 1, max: 99999999, expression: ex }),
    spec("HeartbeatSeconds", "Heartbeat (seconds)", "int", { min: 1, max: 99999999, expression: ex }),
  ];
  if (!ex)
    out.push(
      spec("TimeoutSecondsPath", "Timeout from path", "path"),
      spec("HeartbeatSecondsPath", "Heartbeat from path", "path"),
    );
  return out;
}

/** The field holding a Task's parameters in this language. */
export function taskParameters(lang: Lang): "Parameters" | "Arguments" {
  return lang === "JSONata" ? "Arguments" : "Parameters";
}

/** The query language of a state: its own, else the machine's, else JSONPath. */
export function languageOf(state: { QueryLanguage?: unknown } | undefined, machine: { QueryLanguage?: unknown } | undefined): Lang {
  const ql = state?.QueryLanguage ?? machine?.QueryLanguage;
  return ql === "JSONata" ? "JSONata" : "JSONPath";
}

/** Every field the error-handling editors know on one Retry or Catch entry. */
export const retrierFields = ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy"] as const;

/** The predefined error names, suggested for ErrorEquals. */
export const statesErrors = [
  "States.ALL",
  "States.TaskFailed",
  "States.Timeout",
  "States.HeartbeatTimeout",
  "States.Permissions",
  "States.Runtime",
  "States.ResultPathMatchFailure",
  "States.ParameterPathFailure",
  "States.QueryEvaluationError",
  "States.BranchFailed",
  "States.NoChoiceMatched",
  "States.IntrinsicFailure",
  "States.ExceedToleratedFailureThreshold",
  "States.ItemReaderFailed",
  "States.ResultWriterFailed",
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
];

/** A new Retry entry: AWS's defaults written out so people see them. */
export function newRetrier(): Record<string, unknown> {
  return { ErrorEquals: ["States.ALL"], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 };
}

/** A new Catch entry going to next. */
export function newCatcher(next: string): Record<string, unknown> {
  return { ErrorEquals: ["States.ALL"], Next: next };
}

/** The one Wait field in use (Seconds, Timestamp, SecondsPath or TimestampPath), Seconds when none. */
export const waitModes = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"] as const;
export type WaitMode = (typeof waitModes)[number];

export function waitModeOf(state: Record<string, unknown>, lang: Lang): WaitMode {
  for (const m of waitModes) if (m in state && (lang === "JSONPath" || !m.endsWith("Path"))) return m;
  return "Seconds";
}

export function waitModesFor(lang: Lang): WaitMode[] {
  return lang === "JSONata" ? ["Seconds", "Timestamp"] : [...waitModes];
}

/**
 * Where a new field goes among a state's keys: after the key just before
 * its way out (Catch, Next, End), as people write them; undefined (at the
 * end) when the state has none of those.
 */
export function beforeExit(state: Record<string, unknown>, exits = ["Catch", "Next", "End"]): string | undefined {
  const keys = Object.keys(state);
  const i = keys.findIndex((k) => exits.includes(k));
  return i > 0 ? keys[i - 1] : undefined;
}

/** The keys each form part of the inspector shows, in a language. */
export const partKeys: Record<FormPart, (lang: Lang) => string[]> = {
  task: (lang) => ["Resource", taskParameters(lang), ...timingSpecs(lang).map((s) => s.key)],
  choice: () => ["Choices", "Default"],
  wait: (lang) => waitModesFor(lang),
  map: (lang) =>
    lang === "JSONata"
      ? ["Items", ...mapKeys]
      : ["ItemsPath", ...mapKeys, "MaxConcurrencyPath", "ToleratedFailurePercentagePath", "ToleratedFailureCountPath"],
  parallel: () => ["Branches"],
  pass: (lang) => (lang === "JSONata" ? [] : ["Result"]),
  fail: (lang) => (lang === "JSONata" ? ["Error", "Cause"] : ["Error", "Cause", "ErrorPath", "CausePath"]),
};

const mapKeys = ["ItemSelector", "MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount", "ItemBatcher", "Label", "ItemReader", "ResultWriter", "ItemProcessor", "Iterator"];

/** The keys the forms show (or the canvas manages) for a state type in a language. */
export function shownKeys(type: string, lang: Lang): Set<string> {
  const kind = stateKind(type);
  const keys = ["Type", "Comment", "QueryLanguage", "Next", "End", ...kind.io[lang]];
  if (kind.handlesErrors) keys.push("Retry", "Catch");
  for (const part of [kind.inspector.configuration, kind.inspector.section]) if (part) keys.push(...partKeys[part](lang));
  return new Set(keys);
}

/** Keys of the state that no form field shows: listed as they are, never rewritten. */
export function otherKeys(state: Record<string, unknown>, lang: Lang): string[] {
  const shown = shownKeys(String(state.Type ?? ""), lang);
  return Object.keys(state).filter((k) => !shown.has(k));
}
