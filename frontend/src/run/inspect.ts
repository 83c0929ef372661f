// What the Inspect view shows for one visit of a state: its input, each
// processing stage the history records, the variables it assigned, its
// error and its raw events.
import type { HistoryEvent } from "../backend/studio";
import { details, type RunIndex } from "./fold";

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
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  start: string;
  end?: string;
}

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
    events: [first],
    start: first.timestamp,
  };
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
    if (t === "TaskScheduled") v.attempts.push({ parameters: d.parameters as string });
    else if (t === "ActivityScheduled") v.attempts.push({ parameters: d.input as string });
    else if (t === "TaskSucceeded" || t === "ActivitySucceeded") {
      last(v).result = d.output as string;
      // Succeeded on a retry: the earlier attempts keep their errors, the
      // visit has none.
      v.error = v.cause = undefined;
    }
    else if (t.endsWith("Failed") || t.endsWith("TimedOut")) {
      v.error = d.error as string | undefined;
      v.cause = d.cause as string | undefined;
      if (v.attempts.length) Object.assign(last(v), { error: v.error, cause: v.cause });
    } else if (t.endsWith("StateExited")) {
      v.output = d.output as string;
      v.assigned = d.assignedVariables as Record<string, string> | undefined;
      v.end = e.timestamp;
      break;
    }
  }
  // A failure of the state's own data flow (a bad path, an intrinsic) has no
  // event of the state: the execution fails right after the state's last one.
  if (!v.end && !v.error) {
    const lastId = v.events[v.events.length - 1].id;
    for (let i = entered + 1; i < Math.min(until, ix.length); i++) {
      const e = ix.events[i];
      if (e.type === "ExecutionFailed" && e.previousEventId === lastId) {
        const d = details<{ error?: string; cause?: string }>(e);
        v.error = d?.error;
        v.cause = d?.cause;
        v.end = e.timestamp;
        break;
      }
    }
  }
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
        out.push({ state: s, start: at, end: at, status: e.type === "FailStateEntered" ? "failed" : "running" });
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
