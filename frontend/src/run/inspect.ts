// What the Inspect view shows for one visit of a state: its input, each
// processing stage the history records, the variables it assigned, its
// error and its raw events.
import type { HistoryEvent } from "../backend/studio";
import { details, itemLabel, type RunIndex, type StateStatus } from "./fold";

export interface Attempt {
  parameters?: string;
  result?: string;
  error?: string;
  cause?: string;
}

export interface Visit {
  state: string;
  /** Index of its Entered event. */
  entered: number;
  input?: string;
  attempts: Attempt[];
  output?: string;
  assigned?: Record<string, string>;
  /** The visit's error: the one that failed it, or the one a Catch caught. */
  error?: string;
  cause?: string;
  /**
   * How the visit stands after the events read: "caught" when it exited
   * after an error no retry followed; "cancelled" when the run ended
   * without the state ending; "running" only while events may follow.
   */
  status: StateStatus;
  events: HistoryEvent[];
  start: string;
  end?: string;
}

/** A new attempt of a state (a retry): the earlier attempt's error is behind it. */
const attemptStart = (t: string) =>
  t === "TaskScheduled" || t === "ActivityScheduled" || t === "LambdaFunctionScheduled" || t === "MapStateStarted" || t === "ParallelStateStarted";

/** The Entered events of state (indices), oldest first, up to `until`. */
export function visitsOf(ix: RunIndex, state: string, until = ix.length, accept: (i: number) => boolean = () => true): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(until, ix.length); i++) {
    const t = ix.events[i].type;
    if (ix.stateOf[i] === state && t.endsWith("StateEntered") && accept(i)) out.push(i);
  }
  return out;
}

/** Everything recorded about the visit entered at index `entered`. */
export function visit(ix: RunIndex, entered: number, until = ix.length): Visit {
  const state = ix.stateOf[entered] ?? "";
  const frames = ix.frames[entered];
  const first = ix.events[entered];
  const v: Visit = {
    state,
    entered,
    input: details<{ input: string }>(first)?.input,
    attempts: [],
    status: "running",
    events: [first],
    start: first.timestamp,
  };
  let exited = false;
  let failed = false; // the latest attempt failed
  for (let i = entered + 1; i < Math.min(until, ix.length); i++) {
    const e = ix.events[i];
    // A visit's events are the state's own in the same iteration; a Map's
    // iteration events are its own too. A state is never visited twice at
    // once in one iteration, so the next Entered is another visit.
    if (ix.stateOf[i] !== state || (ix.frames[i] !== frames && !e.type.startsWith("MapIteration"))) continue;
    if (e.type.endsWith("StateEntered")) break;
    v.events.push(e);
    const d = details<Record<string, unknown>>(e) ?? {};
    const t = e.type;
    // Succeeded on a retry: the earlier attempts keep their errors, the
    // visit has none.
    if (attemptStart(t)) {
      v.error = v.cause = undefined;
      failed = false;
    }
    if (t === "TaskScheduled") v.attempts.push({ parameters: d.parameters as string });
    else if (t === "ActivityScheduled") v.attempts.push({ parameters: d.input as string });
    else if (t === "TaskSucceeded" || t === "ActivitySucceeded") {
      last(v).result = d.output as string;
      v.error = v.cause = undefined;
    } else if ((t.endsWith("Failed") || t.endsWith("TimedOut")) && !t.startsWith("MapIteration")) {
      // A failed item is the Map's failure only once MapStateFailed says
      // so (failures may be tolerated). MapStateFailed and
      // ParallelStateFailed carry no error: EvaluationFailed or the run's
      // end names it.
      failed = true;
      v.end = e.timestamp;
      if (d.error === undefined) continue;
      v.error = d.error as string;
      v.cause = d.cause as string | undefined;
      if (v.attempts.length && t !== "EvaluationFailed") Object.assign(last(v), { error: v.error, cause: v.cause });
    } else if (t.endsWith("StateExited")) {
      exited = true;
      v.output = d.output as string;
      v.assigned = d.assignedVariables as Record<string, string> | undefined;
      v.end = e.timestamp;
      break;
    }
  }
  // A failure of the state's own data flow (a bad path, an intrinsic) has no
  // event of the state: the execution fails right after the state's last
  // one. A Fail state fails as it is entered, naming the run's error.
  const fail = first.type === "FailStateEntered";
  let runEnded = false;
  if (!exited) {
    const lastId = v.events[v.events.length - 1].id;
    for (let i = entered + 1; i < Math.min(until, ix.length); i++) {
      const e = ix.events[i];
      if (!e.type.startsWith("Execution") || e.type === "ExecutionStarted") continue;
      runEnded = true;
      if (e.type === "ExecutionFailed" && !v.error && (e.previousEventId === lastId || fail || failed)) {
        const d = details<{ error?: string; cause?: string }>(e);
        v.error = d?.error;
        v.cause = d?.cause;
        v.end ??= e.timestamp;
      }
      break;
    }
  }
  if (fail) v.end ??= first.timestamp;
  if (v.error) failed = true;
  v.status = exited ? (failed ? "caught" : "succeeded") : fail || failed ? "failed" : runEnded ? "cancelled" : "running";
  return v;
}

function last(v: Visit): Attempt {
  if (!v.attempts.length) v.attempts.push({});
  return v.attempts[v.attempts.length - 1];
}

/** Pretty-prints JSON text; text that is not JSON is shown as it is. */
export function pretty(json: string | undefined): string {
  if (json === undefined) return "";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export interface Span {
  state: string;
  /** Which Map item the visit was in ("item 4 of Reserve items"), "" outside Maps. */
  item: string;
  start: number;
  end: number;
  status: "succeeded" | "failed" | "running";
}


/** Top-level and nested visits in the first `until` events as time spans (ms since the run started), at most `limit`. */
export function spans(ix: RunIndex, limit = 400, until = ix.length): { spans: Span[]; total: number; start: number; end: number } {
  const out: Span[] = [];
  const open = new Map<string, number>();
  let total = 0;
  const t0 = ix.length ? Date.parse(ix.events[0].timestamp) : 0;
  let tEnd = t0;
  for (let i = 0; i < Math.min(until, ix.length); i++) {
    const e = ix.events[i];
    const s = ix.stateOf[i];
    const at = Date.parse(e.timestamp) - t0;
    tEnd = Math.max(tEnd, at + t0);
    if (!s) continue;
    const key = s + "\u0000" + ix.frames[i];
    if (e.type.endsWith("StateEntered")) {
      total++;
      if (out.length < limit) {
        open.set(key, out.length);
        out.push({ state: s, item: itemLabel(ix.frames[i]), start: at, end: at, status: e.type === "FailStateEntered" ? "failed" : "running" });
      }
    } else if (e.type.endsWith("StateExited") || e.type.endsWith("Failed")) {
      const k = open.get(key);
      if (k !== undefined) {
        out[k].end = at;
        if (e.type.endsWith("StateExited")) {
          out[k].status = out[k].status === "failed" ? "failed" : "succeeded";
          open.delete(key);
        } else out[k].status = "failed";
      }
    }
  }
  return { spans: out, total, start: 0, end: tEnd - t0 };
}
