import { describe, expect, it } from "vitest";
import historyJson from "./testdata/retry.history.json?raw";
import type { HistoryEvent } from "../backend/studio";
import { OverlayBuilder, RunIndex, arrow, frameKey, overlay } from "./fold";
import type { StateIndex } from "./stateIndex";

// retry.history.json is the engine's history of testdata/retry.asl.json
// (stepstudio run --mock-config retry.mocks.json --test-case Declined):
// Pay fails Busy, is retried, fails Declined and is caught; Refund; a Map
// over three items; a Parallel whose right branch fails.
const history: HistoryEvent[] = JSON.parse(historyJson).events;

const info = (type: string, containers: string[] = [], mapDepth = 0) => ({ id: "", type, containers, mapDepth });
const states: StateIndex = new Map([
  ["Pay", info("Task")],
  ["Refund", info("Pass")],
  ["Items", info("Map")],
  ["Pick", info("Pass", ["Items"], 1)],
  ["Pack", info("Pass", ["Items"], 1)],
  ["Both", info("Parallel")],
  ["Left", info("Pass", ["Both"])],
  ["Right", info("Fail", ["Both"])],
]);

function indexed(events = history) {
  const ix = new RunIndex(states);
  ix.add(events);
  return ix;
}

describe("overlay", () => {
  it("gives each state its status at the end", () => {
    const o = overlay(indexed());
    const status = Object.fromEntries([...o.states].map(([k, v]) => [k, v.status]));
    expect(status).toEqual({
      Pay: "caught",
      Refund: "succeeded",
      Items: "succeeded",
      Pick: "succeeded",
      Pack: "succeeded",
      Both: "failed",
      Right: "failed",
    });
    expect(o.states.has("Left")).toBe(false); // never reached
    expect(o.end).toEqual({ status: "FAILED", error: "Broken", cause: "right branch" });
  });

  it("a redrive reopens the run: no end until the next one, the failed state runs again", () => {
    const t = "2026-12-06T00:00:00Z";
    const events = [
      { id: 1, previousEventId: 0, timestamp: t, type: "ExecutionStarted", executionStartedEventDetails: {} },
      { id: 2, previousEventId: 1, timestamp: t, type: "PassStateEntered", stateEnteredEventDetails: { name: "Refund" } },
      { id: 3, previousEventId: 2, timestamp: t, type: "ExecutionFailed", executionFailedEventDetails: { error: "States.Runtime", cause: "x" } },
      { id: 4, previousEventId: 3, timestamp: t, type: "ExecutionRedriven", executionRedrivenEventDetails: { redriveCount: 1 } },
    ] as unknown as HistoryEvent[];
    expect(overlay(indexed(events.slice(0, 3))).end?.status).toBe("FAILED");
    expect(overlay(indexed(events)).end).toBeUndefined();
    const again = events.concat([
      { id: 5, previousEventId: 4, timestamp: t, type: "PassStateEntered", stateEnteredEventDetails: { name: "Refund" } },
      { id: 6, previousEventId: 5, timestamp: t, type: "PassStateExited", stateExitedEventDetails: { name: "Refund" } },
      { id: 7, previousEventId: 6, timestamp: t, type: "ExecutionSucceeded", executionSucceededEventDetails: {} },
    ] as unknown as HistoryEvent[]);
    const o = overlay(indexed(again));
    expect(o.end?.status).toBe("SUCCEEDED");
    expect(o.states.get("Refund")?.status).toBe("succeeded");
  });

  it("a redriven Map Run: the Map failed, then succeeded in the same run", () => {
    const t = "2026-12-06T00:00:00Z";
    const arn = "arn:aws:states:us-east-1:123456789012:mapRun:M/Items:1";
    // The parent's events of the engine's redrive of a distributed Map.
    const events = [
      { type: "ExecutionStarted", executionStartedEventDetails: {} },
      { type: "MapStateEntered", stateEnteredEventDetails: { name: "Items" } },
      { type: "MapStateStarted", mapStateStartedEventDetails: { length: 10 } },
      { type: "MapRunStarted", mapRunStartedEventDetails: { mapRunArn: arn } },
      { type: "MapRunFailed", mapRunFailedEventDetails: { error: "States.ExceedToleratedFailureThreshold" } },
      { type: "MapStateFailed" },
      { type: "ExecutionFailed", executionFailedEventDetails: { error: "States.ExceedToleratedFailureThreshold" } },
      { type: "ExecutionRedriven", executionRedrivenEventDetails: { redriveCount: 1 } },
      { type: "MapStateEntered", stateEnteredEventDetails: { name: "Items" } },
      { type: "MapStateStarted", mapStateStartedEventDetails: { length: 10 } },
      { type: "MapRunRedriven", mapRunRedrivenEventDetails: { mapRunArn: arn, redriveCount: 1 } },
      { type: "MapRunSucceeded" },
      { type: "MapStateSucceeded" },
      { type: "MapStateExited", stateExitedEventDetails: { name: "Items", output: "[]" } },
      { type: "ExecutionSucceeded", executionSucceededEventDetails: { output: "[]" } },
    ].map((e, i) => ({ id: i + 1, previousEventId: i, timestamp: t, ...e })) as unknown as HistoryEvent[];
    const failed = overlay(indexed(events.slice(0, 7)));
    expect(failed.end?.status).toBe("FAILED");
    expect(failed.states.get("Items")?.status).toBe("failed");
    const o = overlay(indexed(events));
    expect(o.end?.status).toBe("SUCCEEDED");
    expect(o.states.get("Items")?.status).toBe("succeeded");
  });

  it("a state whose own data flow failed is failed, not cancelled", () => {
    // Ship's Parameters name a path the input lacks: AWS records no failure
    // event of the state, only ExecutionFailed right after it was entered.
    const t = "2026-12-06T00:00:00Z";
    const events = [
      { id: 1, previousEventId: 0, timestamp: t, type: "ExecutionStarted", executionStartedEventDetails: {} },
      { id: 2, previousEventId: 1, timestamp: t, type: "PassStateEntered", stateEnteredEventDetails: { name: "Refund" } },
      { id: 3, previousEventId: 2, timestamp: t, type: "ExecutionFailed", executionFailedEventDetails: { error: "States.Runtime", cause: "no path $.customer" } },
    ] as unknown as HistoryEvent[];
    const o = overlay(indexed(events));
    expect(o.states.get("Refund")).toMatchObject({ status: "failed", error: "States.Runtime", cause: "no path $.customer" });
    // Aborted, the same state is only cancelled.
    const aborted = events.slice(0, 2).concat([{ id: 3, previousEventId: 2, timestamp: t, type: "ExecutionAborted", executionAbortedEventDetails: {} } as unknown as HistoryEvent]);
    expect(overlay(indexed(aborted)).states.get("Refund")?.status).toBe("cancelled");
  });

  it("counts retries, entries and map progress", () => {
    const o = overlay(indexed());
    expect(o.states.get("Pay")).toMatchObject({ retries: 1, entries: 1 });
    expect(o.states.get("Pick")?.entries).toBe(3);
    expect(o.maps.get("Items")).toEqual({ total: 3, succeeded: 3, failed: 0, aborted: 0 });
  });

  it("records the path taken", () => {
    const o = overlay(indexed());
    for (const t of [arrow("Pay", "Refund"), arrow("Refund", "Items"), arrow("Pick", "Pack"), arrow("Items", "Both")]) {
      expect(o.transitions.has(t), t).toBe(true);
    }
    expect(o.transitions.has(arrow("Pay", "Items"))).toBe(false);
  });

  it("shows any earlier moment", () => {
    // After event 5 (the first TaskFailed): Pay has failed once, not yet retried.
    const at5 = overlay(indexed(), 5);
    expect(at5.states.get("Pay")).toMatchObject({ status: "failed", retries: 0, error: "Busy" });
    expect(at5.end).toBeUndefined();
    // After event 6 the retry is scheduled: running again.
    expect(overlay(indexed(), 6).states.get("Pay")).toMatchObject({ status: "running", retries: 1 });
    // Mid-map: iteration 0 done, 1 started.
    const mid = overlay(indexed(), 21);
    expect(mid.maps.get("Items")).toMatchObject({ total: 3, succeeded: 1 });
    expect(mid.states.get("Pick")?.status).toBe("running");
  });

  it("drills into one Map iteration", () => {
    const ix = indexed();
    const idx = history.findIndex((e) => e.type === "MapIterationStarted" && (e.mapIterationStartedEventDetails as { index: number }).index === 1);
    const inside = ix.frames.map((f, i) => (f === frameKey("Items", 1) ? history[i].id : 0)).filter(Boolean);
    expect(inside[0]).toBe(history[idx].id);
    expect(inside.length).toBe(6); // started, Pick in/out, Pack in/out, succeeded
    // Only iteration 1 is shown up to its Pick: Pack not reached in it yet.
    const at = history.findIndex((e, i) => i > idx && e.type === "PassStateExited") + 1;
    const o = overlay(ix, at, { map: "Items", key: frameKey("Items", 1) });
    expect(o.states.get("Pick")).toMatchObject({ status: "succeeded", entries: 1 });
    expect(o.states.has("Pack")).toBe(false);
    expect(o.states.get("Pay")?.status).toBe("caught"); // outside the Map: as always
  });

  it("takes batches in any split, skipping repeats", () => {
    const ix = new RunIndex(states);
    ix.add(history.slice(0, 10));
    ix.add(history.slice(5, 20)); // a snapshot overlapping what arrived
    ix.add(history.slice(20));
    expect(ix.length).toBe(history.length);
    expect(overlay(ix)).toEqual(overlay(indexed()));
  });

  it("marks what was running as cancelled when the run is stopped", () => {
    const stopped: HistoryEvent[] = [
      ...history.slice(0, 3),
      { id: 4, previousEventId: 3, timestamp: history[2].timestamp, type: "ExecutionAborted", executionAbortedEventDetails: {} },
    ];
    const o = overlay(indexed(stopped));
    expect(o.states.get("Pay")?.status).toBe("cancelled");
    expect(o.end?.status).toBe("ABORTED");
  });

  it("builds the same overlay event by event as all at once", () => {
    const ix = indexed();
    const b = new OverlayBuilder(ix);
    for (let n = 0; n <= ix.length; n += 3) {
      const step = b.advance(n);
      const whole = overlay(ix, n);
      expect(JSON.stringify([[...step.states], [...step.transitions], [...step.maps], step.end])).toBe(
        JSON.stringify([[...whole.states], [...whole.transitions], [...whole.maps], whole.end]),
      );
    }
  });
});
