import { describe, expect, it } from "vitest";
import type { ChildExecution, MapRun } from "../backend/studio";
import { childDuration, childStatusText, countChildren, countRedriven, filterChildren, hasMapRuns, mapRunSummary } from "./mapRun";

const child = (index: number, status: string, start?: string, stop?: string): ChildExecution => ({
  index,
  name: `c${index}`,
  executionArn: `arn:x:${index}`,
  status,
  startDate: start,
  stopDate: stop,
});

describe("map run helpers", () => {
  const children = [child(0, "SUCCEEDED", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01.5Z"), child(1, "FAILED"), child(2, "SUCCEEDED"), child(3, "PENDING")];

  it("counts and filters children by status", () => {
    const c = countChildren(children);
    expect([c.SUCCEEDED, c.FAILED, c.PENDING, c.RUNNING]).toEqual([2, 1, 1, 0]);
    expect(filterChildren(children, "FAILED").map((x) => x.index)).toEqual([1]);
    expect(filterChildren(children, "")).toHaveLength(4);
  });

  it("gives a duration only for ended children", () => {
    expect(childDuration(children[0])).toBe(1500);
    expect(childDuration(children[1])).toBeNull();
  });

  it("summarises the run in plain words", () => {
    const counts = { pending: 0, running: 0, succeeded: 4, failed: 1, timedOut: 0, aborted: 0, total: 5, resultsWritten: 5 };
    const r: MapRun = {
      mapRunArn: "a", stateName: "M", status: "SUCCEEDED", startDate: "", maxConcurrency: 0,
      toleratedFailureCount: 1, toleratedFailurePercentage: 0, itemCounts: counts, executionCounts: counts, children: [],
    };
    expect(mapRunSummary(r)).toBe("4 of 5 succeeded, 1 failed · tolerates 1 failed");
  });

  it("finds MapRunStarted only up to the replay position", () => {
    const evs = [{ type: "ExecutionStarted" }, { type: "MapStateStarted" }, { type: "MapRunStarted" }];
    expect(hasMapRuns(evs, 3)).toBe(true);
    expect(hasMapRuns(evs, 2)).toBe(false);
  });

  it("lists and words the children a redrive redrove", () => {
    const redriven = [{ ...child(0, "SUCCEEDED"), redriveCount: 1 }, child(1, "SUCCEEDED"), { ...child(2, "FAILED"), redriveCount: 2 }];
    expect(filterChildren(redriven, "REDRIVEN").map((x) => x.index)).toEqual([0, 2]);
    expect(countRedriven(redriven)).toBe(2);
    expect(childStatusText(redriven[0])).toBe("Succeeded after 1 redrive");
    expect(childStatusText(redriven[1])).toBe("Succeeded");
    expect(childStatusText(redriven[2])).toBe("Failed after 2 redrives");
    expect(childStatusText({ ...child(3, "RUNNING"), redriveCount: 1 })).toBe("Running (redrive 1)");
  });

  it("says a Map Run was redriven and what waits for its redrive", () => {
    const counts = { pending: 0, running: 1, succeeded: 8, failed: 0, timedOut: 0, aborted: 0, total: 10, resultsWritten: 0, pendingRedrive: 1 };
    const r: MapRun = {
      mapRunArn: "a", stateName: "M", status: "RUNNING", startDate: "", maxConcurrency: 0, redriveCount: 1,
      toleratedFailureCount: 0, toleratedFailurePercentage: 0, itemCounts: counts, executionCounts: counts, children: [],
    };
    expect(mapRunSummary(r)).toBe("8 of 10 succeeded, 1 running, 1 waiting to be redriven · redriven 1×");
  });

  it("finds a redriven Map Run too", () => {
    expect(hasMapRuns([{ type: "ExecutionRedriven" }, { type: "MapRunRedriven" }], 2)).toBe(true);
  });
});
