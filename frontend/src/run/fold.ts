// Reading a run's history: which state each event belongs to, which Map
// iteration, and from that the status of every state at any moment. Pure
// functions over AWS GetExecutionHistory events, so live runs, stored runs
// and histories exported from AWS are read the same way.
import type { HistoryEvent } from "../backend/studio";
import type { StateIndex } from "./stateIndex";

export type StateStatus = "running" | "succeeded" | "failed" | "caught" | "cancelled";

/** One Map iteration: events inside it carry its key in their frames. */
export const frameKey = (map: string, index: number) => `${map}#${index}`;
const SEP = "\u001f";

/**
 * The index of a history: for event i (id i+1), the state it belongs to
 * and the Map iterations it happened in, outermost first. Built
 * incrementally as batches arrive.
 */
export class RunIndex {
  readonly events: HistoryEvent[] = [];
  readonly stateOf: (string | null)[] = [];
  readonly frames: string[] = [];

  constructor(private readonly states: StateIndex) {}

  /** Adds events in id order; ids already present are skipped. */
  add(evs: HistoryEvent[]) {
    for (const e of evs) {
      if (e.id !== this.events.length + 1) continue;
      this.events.push(e);
      const [s, f] = this.place(e);
      this.stateOf.push(s);
      this.frames.push(f);
    }
  }

  get length() {
    return this.events.length;
  }

  private prev(e: HistoryEvent): number {
    const p = e.previousEventId - 1;
    return p >= 0 && p < this.events.length - 1 ? p : -1;
  }

  private place(e: HistoryEvent): [string | null, string] {
    const p = this.prev(e);
    const prevState = p >= 0 ? this.stateOf[p] : null;
    const prevFrames = p >= 0 ? this.frames[p] : "";
    const t = e.type;
    if (t.startsWith("Execution")) return [null, ""];
    // AWS links EvaluationFailed after the event before the state was
    // entered; its details name the state.
    const named = t === "EvaluationFailed" ? (details<{ state?: string }>(e)?.state ?? null) : stateName(e);
    if (t.startsWith("MapIteration")) {
      const d = e[detailsKey(t)] as { name: string; index: number };
      const depth = this.states.get(d.name)?.mapDepth ?? 0;
      const parent = truncate(prevFrames, depth);
      return [d.name, t === "MapIterationStarted" ? join(parent, frameKey(d.name, d.index)) : prevFrames];
    }
    if (named !== null) {
      const info = this.states.get(named);
      return [named, truncate(prevFrames, info?.mapDepth ?? 0)];
    }
    if (t.startsWith("MapState") || t.startsWith("ParallelState")) {
      const want = t.startsWith("Map") ? "Map" : "Parallel";
      const owner = this.containerOf(prevState, want);
      return [owner, truncate(prevFrames, owner ? (this.states.get(owner)?.mapDepth ?? 0) : 0)];
    }
    return [prevState, prevFrames];
  }

  private containerOf(state: string | null, type: string): string | null {
    if (!state) return null;
    const info = this.states.get(state);
    if (info?.type === type) return state;
    for (const c of info?.containers ?? []) if (this.states.get(c)?.type === type) return c;
    return state;
  }

  /** Whether event i happened in iteration key (or outside its Map). */
  inIteration(i: number, map: string, key: string): boolean {
    const f = this.frames[i];
    if (!f) return true;
    const framed = SEP + f + SEP;
    return framed.includes(SEP + key + SEP) || !framed.includes(SEP + map + "#");
  }
}

/** The innermost Map iteration of an event's frames, in words: "item 4 of Reserve items"; "" outside Maps. */
export function itemLabel(frames: string): string {
  if (!frames) return "";
  const inner = frames.slice(frames.lastIndexOf(SEP) + 1);
  const at = inner.lastIndexOf("#");
  return at < 0 ? "" : `item ${Number(inner.slice(at + 1)) + 1} of ${inner.slice(0, at)}`;
}

/** The frames of a place given as its Map iterations, outermost first. */
export function framesOf(iterations: { map: string; index: number }[]): string {
  return iterations.map((it) => frameKey(it.map, it.index)).join(SEP);
}

/** The frames up to and including the iteration seg (a frameKey), or null when frames are not inside it. */
export function framesThrough(frames: string, seg: string): string | null {
  const framed = SEP + frames + SEP;
  const at = framed.indexOf(SEP + seg + SEP);
  return at < 0 ? null : frames.slice(0, at + seg.length);
}

function join(parent: string, seg: string) {
  return parent ? parent + SEP + seg : seg;
}

/** The outermost depth frames of frames. */
function truncate(frames: string, depth: number): string {
  if (!frames || depth === 0) return "";
  let at = -1;
  for (let k = 0; k < depth; k++) {
    at = frames.indexOf(SEP, at + 1);
    if (at < 0) return frames;
  }
  return frames.slice(0, at);
}

/** "TaskStateEntered" -> "stateEnteredEventDetails" and so on. */
export function detailsKey(type: string): string {
  if (type.endsWith("StateEntered")) return "stateEnteredEventDetails";
  if (type.endsWith("StateExited")) return "stateExitedEventDetails";
  return type[0].toLowerCase() + type.slice(1) + "EventDetails";
}

export function details<T = Record<string, unknown>>(e: HistoryEvent): T | undefined {
  return e[detailsKey(e.type)] as T | undefined;
}

/** The state an Entered or Exited event names, else null. */
export function stateName(e: HistoryEvent): string | null {
  if (!e.type.endsWith("StateEntered") && !e.type.endsWith("StateExited")) return null;
  return details<{ name: string }>(e)?.name ?? null;
}

export interface StateRun {
  status: StateStatus;
  /** Times entered (loops, iterations). */
  entries: number;
  /** Task attempts beyond the first of each entry: retries. */
  retries: number;
  error?: string;
  cause?: string;
}

export interface MapProgress {
  total: number;
  succeeded: number;
  failed: number;
  aborted: number;
}

export interface Overlay {
  states: Map<string, StateRun>;
  /** "From\u2192To" for every transition taken. */
  transitions: Set<string>;
  maps: Map<string, MapProgress>;
  /** The execution's end, when the shown moment is past it. */
  end?: { status: string; error?: string; cause?: string };
}

const isFailure = (t: string) =>
  !t.startsWith("Execution") &&
  !t.startsWith("MapIteration") &&
  !t.startsWith("MapRun") &&
  t !== "EvaluationFailed" &&
  (t.endsWith("Failed") || t.endsWith("TimedOut"));

const isAttempt = (t: string) => t === "TaskScheduled" || t === "ActivityScheduled" || t === "LambdaFunctionScheduled";

export const arrow = (from: string, to: string) => `${from}\u2192${to}`;

/**
 * Builds the overlay event by event, so a live run only reads the events
 * that arrived since the last draw. With an iteration (map name and frame
 * key) only that iteration's events count for the states inside the Map.
 */
export class OverlayBuilder {
  private readonly states = new Map<string, StateRun>();
  private readonly transitions = new Set<string>();
  private readonly maps = new Map<string, MapProgress>();
  private readonly attempts = new Map<string, number>();
  private end: Overlay["end"];
  /** Events read so far. */
  pos = 0;

  constructor(
    readonly ix: RunIndex,
    readonly iteration?: { map: string; key: string },
  ) {}

  /** Reads events up to `until` (never backwards) and returns the overlay then. */
  advance(until: number): Overlay {
    const n = Math.min(until, this.ix.length);
    for (; this.pos < n; this.pos++) this.read(this.pos);
    return { states: this.states, transitions: this.transitions, maps: this.maps, end: this.end };
  }

  private get(s: string): StateRun {
    let r = this.states.get(s);
    if (!r) this.states.set(s, (r = { status: "running", entries: 0, retries: 0 }));
    return r;
  }

  private read(i: number) {
    const { ix, iteration, states, maps, attempts } = this;
    const e = ix.events[i];
    const t = e.type;
    // A Map's own iteration events count whichever iteration is shown.
    if (iteration && !t.startsWith("MapIteration") && !ix.inIteration(i, iteration.map, iteration.key)) return;
    const s = ix.stateOf[i];
    if (t.endsWith("StateEntered") && s) {
      const p = e.previousEventId > 0 ? ix.stateOf[e.previousEventId - 1] : null;
      if (p && p !== s) {
        this.transitions.add(arrow(p, s));
        const pr = states.get(p);
        if (pr?.status === "failed") pr.status = "caught";
      }
      const r = this.get(s);
      // A Fail state fails as it is entered; nothing else follows it.
      r.status = t === "FailStateEntered" ? "failed" : "running";
      r.entries++;
      r.error = r.cause = undefined;
      attempts.set(s, 0);
      if (t === "MapStateEntered") maps.set(s, { total: 0, succeeded: 0, failed: 0, aborted: 0 });
    } else if (t.endsWith("StateExited") && s) {
      // A failure still standing when the state exits was caught.
      const r = this.get(s);
      r.status = r.status === "failed" ? "caught" : "succeeded";
    } else if (isAttempt(t) && s) {
      const a = (attempts.get(s) ?? 0) + 1;
      attempts.set(s, a);
      const r = this.get(s);
      if (a > 1) r.retries++;
      r.status = "running";
    } else if (isFailure(t) && s) {
      const r = this.get(s);
      r.status = "failed";
      const d = details<{ error?: string; cause?: string }>(e);
      r.error = d?.error;
      r.cause = d?.cause;
    } else if (t === "MapStateStarted" && s) {
      const m = maps.get(s);
      if (m) m.total = details<{ length: number }>(e)?.length ?? 0;
    } else if (t.startsWith("MapIteration") && s) {
      const m = maps.get(s);
      if (m && t === "MapIterationSucceeded") m.succeeded++;
      if (m && t === "MapIterationFailed") m.failed++;
      if (m && t === "MapIterationAborted") m.aborted++;
    } else if (t === "ExecutionRedriven") {
      // The run goes on from where it failed: it has no end yet.
      this.end = undefined;
    } else if (t.startsWith("Execution") && t !== "ExecutionStarted") {
      const d = details<{ error?: string; cause?: string }>(e);
      this.end = { status: executionStatus(t), error: d?.error, cause: d?.cause };
      // A state whose own data flow failed (a bad path in Parameters, an
      // intrinsic, a Choice) has no failure event of its own: the execution
      // fails right after the event of that state. It failed; the other
      // states still running were cancelled.
      const last = t === "ExecutionFailed" && e.previousEventId > 0 ? ix.stateOf[e.previousEventId - 1] : null;
      const failedHere = last ? states.get(last) : undefined;
      if (failedHere?.status === "running") {
        failedHere.status = "failed";
        failedHere.error = d?.error;
        failedHere.cause = d?.cause;
      }
      for (const r of states.values()) if (r.status === "running") r.status = "cancelled";
    }
  }
}

/** The status of every state after the first `until` events (see OverlayBuilder). */
export function overlay(ix: RunIndex, until = ix.length, iteration?: { map: string; key: string }): Overlay {
  return new OverlayBuilder(ix, iteration).advance(until);
}

function executionStatus(t: string): string {
  switch (t) {
    case "ExecutionSucceeded":
      return "SUCCEEDED";
    case "ExecutionFailed":
      return "FAILED";
    case "ExecutionTimedOut":
      return "TIMED_OUT";
    default:
      return "ABORTED";
  }
}
