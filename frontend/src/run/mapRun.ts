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

/** The children with status (all when ""). */
export function filterChildren(children: readonly ChildExecution[], status: ChildStatus | ""): readonly ChildExecution[] {
  return status ? children.filter((c) => c.status === status) : children;
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
  let tolerated = "";
  if (r.toleratedFailureCount > 0 || r.toleratedFailurePercentage > 0) {
    tolerated = ` · tolerates ${r.toleratedFailureCount} failed${r.toleratedFailurePercentage > 0 ? ` (${r.toleratedFailurePercentage}%)` : ""}`;
  }
  return `${parts.join(", ")}${tolerated}`;
}

/** The run shown has distributed Map runs (its history has MapRunStarted). */
export function hasMapRuns(events: readonly { type: string }[], until: number): boolean {
  for (let i = 0; i < until && i < events.length; i++) if (events[i].type === "MapRunStarted") return true;
  return false;
}
