import { describe, expect, it } from "vitest";
import historyJson from "./testdata/retry.history.json?raw";
import type { HistoryEvent, RunPause } from "../backend/studio";
import { RunIndex } from "./fold";
import { countByStatus, iterations, mapsIn } from "./iterations";
import type { StateIndex } from "./stateIndex";

const info = (type: string, containers: string[] = [], mapDepth = 0) => ({ id: "", type, containers, mapDepth });

describe("iterations of the recorded retry run", () => {
  const states: StateIndex = new Map([
    ["Items", info("Map")],
    ["Pick", info("Pass", ["Items"], 1)],
    ["Pack", info("Pass", ["Items"], 1)],
  ]);
  const ix = new RunIndex(states);
  ix.add(JSON.parse(historyJson).events);

  it("lists each item with its status and duration", () => {
    expect(mapsIn(ix)).toEqual(["Items"]);
    const rows = iterations(ix, "Items");
    expect(rows.map((r) => [r.index, r.status])).toEqual([
      [0, "succeeded"],
      [1, "succeeded"],
      [2, "succeeded"],
    ]);
    expect(rows.every((r) => r.duration !== null && r.duration >= 0)).toBe(true);
  });

  it("reads only the events shown", () => {
    // Event 20 starts item 1; item 0 ended at 19.
    expect(iterations(ix, "Items", 20).map((r) => r.status)).toEqual(["succeeded", "running"]);
  });
});

// A hand-made history: Map "Each" over 3 items, items run side by side;
// item 1 fails in Work, item 2 is paused before Work.
describe("iterations with a failure and a pause", () => {
  const states: StateIndex = new Map([
    ["Each", info("Map")],
    ["Work", info("Task", ["Each"], 1)],
  ]);
  let id = 0;
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const ev = (prev: number, type: string, ms: number, more: Record<string, unknown> = {}): HistoryEvent => ({
    id: ++id,
    previousEventId: prev,
    timestamp: new Date(t0 + ms).toISOString(),
    type,
    ...more,
  });
  const it_ = (n: number) => ({ name: "Each", index: n });
  const events = [
    ev(0, "ExecutionStarted", 0),
    ev(1, "MapStateEntered", 0, { stateEnteredEventDetails: { name: "Each" } }),
    ev(2, "MapStateStarted", 0),
    ev(3, "MapIterationStarted", 1, { mapIterationStartedEventDetails: it_(0) }), // 4
    ev(4, "TaskStateEntered", 1, { stateEnteredEventDetails: { name: "Work" } }), // 5
    ev(3, "MapIterationStarted", 2, { mapIterationStartedEventDetails: it_(1) }), // 6
    ev(6, "TaskStateEntered", 2, { stateEnteredEventDetails: { name: "Work" } }), // 7
    ev(7, "TaskFailed", 9, { taskFailedEventDetails: { error: "Boom", cause: "item 1 broke" } }), // 8
    ev(8, "MapIterationFailed", 12, { mapIterationFailedEventDetails: it_(1) }), // 9
    ev(5, "TaskStateExited", 40, { stateExitedEventDetails: { name: "Work" } }), // 10
    ev(10, "MapIterationSucceeded", 41, { mapIterationSucceededEventDetails: it_(0) }), // 11
    ev(3, "MapIterationStarted", 42, { mapIterationStartedEventDetails: it_(2) }), // 12
  ];
  const ix = new RunIndex(states);
  ix.add(events);
  const pause = { id: 5, state: "Work", path: [{ state: "Each", index: 2 }], input: "{}" } as RunPause;

  it("gives status, duration and the error per item", () => {
    const rows = iterations(ix, "Each", ix.length, [pause]);
    expect(rows).toEqual([
      { key: "Each#0", index: 0, status: "succeeded", duration: 40 },
      { key: "Each#1", index: 1, status: "failed", duration: 10, error: "Boom", cause: "item 1 broke" },
      { key: "Each#2", index: 2, status: "paused", duration: null },
    ]);
    expect(countByStatus(rows)).toEqual({ running: 0, waiting: 0, paused: 1, succeeded: 1, failed: 1, aborted: 0 });
  });

  it("an item queued behind the paused one is waiting", () => {
    const waiting = [[{ state: "Each", index: 2 }]] as RunPause["path"][];
    expect(iterations(ix, "Each", ix.length, [], waiting)[2].status).toBe("waiting");
    expect(iterations(ix, "Each", ix.length, [pause], waiting)[2].status).toBe("paused");
  });

  it("a pause in another Map leaves the rows running", () => {
    const other = { ...pause, path: [{ state: "Other", index: 2 }] } as RunPause;
    expect(iterations(ix, "Each", ix.length, [other])[2].status).toBe("running");
  });
});
