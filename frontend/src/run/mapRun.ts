// Pure helpers of the Map Run view (a distributed Map's child executions).
import type { ChildExecution, MapRun } from "../backend/studio";

export type ChildStatus = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

/** Plain words for each status, in the order the filter lists them. */
export const childStatusWords: Record<ChildStatus, string> = {
  PENDING: "Not started",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  TIMED_OUT: "Timed out",
  ABORTED: "Aborted",
};

/** How many children have each status. */
export function countChildren(children: readonly ChildExecution[]): Record<ChildStatus, number> {
  const c: Record<ChildStatus, number> = { PENDING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0, TIMED_OUT: 0, ABORTED: 0 };
  for (const ch of children) {
    if (ch.status in c) c[ch.status as ChildStatus]++;
  }
  return c;
}

/** A filter of the children: a status, those redriven, or all (""). */
export type ChildFilter = ChildStatus | "REDRIVEN" | "";

/** The children the filter keeps. */
export function filterChildren(children: readonly ChildExecution[], status: ChildFilter): readonly ChildExecution[] {
  if (status === "REDRIVEN") return children.filter((c) => (c.redriveCount ?? 0) > 0);
  return status ? children.filter((c) => c.status === status) : children;
}

/** How many children were redriven. */
export function countRedriven(children: readonly ChildExecution[]): number {
  let n = 0;
  for (const c of children) if ((c.redriveCount ?? 0) > 0) n++;
  return n;
}

/** A child's status in plain words, with its redrives ("Succeeded after 1 redrive"). */
export function childStatusText(c: ChildExecution): string {
  const words = childStatusWords[c.status as ChildStatus] ?? c.status;
  const n = c.redriveCount ?? 0;
  if (n === 0) return words;
  const times = `${n} redrive${n === 1 ? "" : "s"}`;
  return c.status === "RUNNING" ? `${words} (redrive ${n})` : `${words} after ${times}`;
}

/** A child's duration in ms, or null while it has not ended. */
export function childDuration(c: ChildExecution): number | null {
  if (!c.startDate || !c.stopDate) return null;
  const d = Date.parse(c.stopDate) - Date.parse(c.startDate);
  return Number.isFinite(d) ? d : null;
}

/** One line that says how the Map Run went, for people first. */
export function mapRunSummary(r: MapRun): string {
  const c = r.itemCounts;
  const parts = [`${c.succeeded} of ${c.total} succeeded`];
  if (c.failed + c.timedOut > 0) parts.push(`${c.failed + c.timedOut} failed`);
  if (c.aborted > 0) parts.push(`${c.aborted} aborted`);
  if (c.running > 0) parts.push(`${c.running} running`);
  if ((c.pendingRedrive ?? 0) > 0) parts.push(`${c.pendingRedrive} waiting to be redriven`);
  let tolerated = "";
  if (r.toleratedFailureCount > 0 || r.toleratedFailurePercentage > 0) {
    tolerated = ` · tolerates ${r.toleratedFailureCount} failed${r.toleratedFailurePercentage > 0 ? ` (${r.toleratedFailurePercentage}%)` : ""}`;
  }
  const n = r.redriveCount ?? 0;
  const redriven = n > 0 ? ` · redriven ${n}×` : "";
  return `${parts.join(", ")}${tolerated}${redriven}`;
}

/** The run shown has distributed Map runs (its history has MapRunStarted or MapRunRedriven). */
export function hasMapRuns(events: readonly { type: string }[], until: number): boolean {
  for (let i = 0; i < until && i < events.length; i++) if (events[i].type === "MapRunStarted" || events[i].type === "MapRunRedriven") return true;
  return false;
}
