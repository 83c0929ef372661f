// A Map's iterations as rows (item, status, duration, error), read from
// the history the way the AWS console's Map Run view lists child runs.
// Pure: the iterations table draws them and filters by status.
import type { RunPath, RunPause } from "../backend/studio";
import { details, frameKey, framesOf, framesThrough, type RunIndex } from "./fold";

export type IterationStatus = "running" | "waiting" | "paused" | "succeeded" | "failed" | "aborted";

export interface IterationRow {
  /** Where the iteration runs (its frames): unique even when a Map nested in another runs many times. */
  key: string;
  index: number;
  status: IterationStatus;
  /** Milliseconds from start to end; null while running. */
  duration: number | null;
  /** The last error raised inside the iteration, if any. */
  error?: string;
  cause?: string;
}

interface IterationDetails {
  name: string;
  index: number;
}

/** The Maps that started iterations in the first `until` events, in order of first iteration. */
export function mapsIn(ix: RunIndex, until = ix.length): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < until; i++)
    if (ix.events[i].type === "MapIterationStarted") seen.add(details<IterationDetails>(ix.events[i])!.name);
  return [...seen];
}

/**
 * The iterations of map in the first `until` events, in the order they
 * started; paused ones (a pause whose path is inside them) say so.
 */
export function iterations(
  ix: RunIndex,
  map: string,
  until = ix.length,
  pauses: readonly RunPause[] = [],
  waiting: readonly RunPath[] = [],
): IterationRow[] {
  const rows = new Map<string, IterationRow & { start: number }>();
  const prefix = map + "#";
  for (let i = 0; i < until; i++) {
    const e = ix.events[i];
    const frames = ix.frames[i];
    if (!frames.includes(prefix)) continue;
    if (e.type.startsWith("MapIteration")) {
      const d = details<IterationDetails>(e);
      if (!d || d.name !== map) continue;
      const key = framesThrough(frames, frameKey(map, d.index));
      if (key === null) continue;
      const at = Date.parse(e.timestamp);
      if (e.type === "MapIterationStarted") {
        rows.set(key, { key, index: d.index, status: "running", duration: null, start: at });
        continue;
      }
      const row = rows.get(key);
      if (!row) continue;
      row.status = e.type === "MapIterationSucceeded" ? "succeeded" : e.type === "MapIterationFailed" ? "failed" : "aborted";
      row.duration = at - row.start;
      continue;
    }
    const d = details<{ error?: string; cause?: string }>(e);
    if (!d?.error) continue;
    // The innermost iteration of this Map the event happened in.
    const at = frames.lastIndexOf(prefix);
    const end = frames.indexOf("\u001f", at);
    const key = end < 0 ? frames : frames.slice(0, end);
    const row = rows.get(key);
    if (row) {
      row.error = d.error;
      row.cause = d.cause;
    }
  }
  // Running items stopped before a state: paused, or queued behind the paused one.
  const mark = (path: RunPath, status: IterationStatus) => {
    const its = path.filter((s) => !s.branch).map((s) => ({ map: s.state, index: s.index }));
    let inner = -1;
    its.forEach((it, i) => {
      if (it.map === map) inner = i;
    });
    const row = inner < 0 ? undefined : rows.get(framesOf(its.slice(0, inner + 1)));
    if (row && (row.status === "running" || (row.status === "waiting" && status === "paused"))) row.status = status;
  };
  for (const w of waiting) mark(w, "waiting");
  for (const p of pauses) mark(p.path, "paused");
  const out: IterationRow[] = [];
  for (const r of rows.values()) {
    const row: IterationRow = { key: r.key, index: r.index, status: r.status, duration: r.duration };
    if (r.error) Object.assign(row, { error: r.error, cause: r.cause });
    out.push(row);
  }
  return out;
}

/** How many rows have each status. */
export function countByStatus(rows: readonly IterationRow[]): Record<IterationStatus, number> {
  const n: Record<IterationStatus, number> = { running: 0, waiting: 0, paused: 0, succeeded: 0, failed: 0, aborted: 0 };
  for (const r of rows) n[r.status]++;
  return n;
}
