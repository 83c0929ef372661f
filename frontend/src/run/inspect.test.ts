import { describe, expect, it } from "vitest";
import historyJson from "./testdata/retry.history.json?raw";
import type { HistoryEvent } from "../backend/studio";
import { RunIndex, frameKey } from "./fold";
import { spans, visit, visitsOf } from "./inspect";
import type { StateIndex } from "./stateIndex";

const history: HistoryEvent[] = JSON.parse(historyJson).events;
const info = (type: string, containers: string[] = [], mapDepth = 0) => ({ id: "", type, containers, mapDepth });
const states: StateIndex = new Map([
  ["Pay", info("Task")],
  ["Refund", info("Pass")],
  ["Items", info("Map")],
  ["Pick", info("Pass", ["Items"], 1)],
  ["Pack", info("Pass", ["Items"], 1)],
  ["Both", info("Parallel")],
  ["Right", info("Fail", ["Both"])],
]);
const ix = new RunIndex(states);
ix.add(history);

describe("visit", () => {
  it("collects a task's attempts, error and output", () => {
    const [at] = visitsOf(ix, "Pay");
    const v = visit(ix, at);
    expect(v.input).toBe('{"items":[1,2,3]}');
    expect(v.attempts).toHaveLength(2);
    expect(v.attempts[0]).toMatchObject({ parameters: '{"items":[1,2,3]}', error: "Busy", cause: "try later" });
    expect(v.attempts[1]).toMatchObject({ error: "Declined" });
    expect(JSON.parse(v.output!)).toEqual({ items: [1, 2, 3], error: { Error: "Declined", Cause: "no funds" } });
    expect(v.events.map((e) => e.type)).toEqual([
      "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited",
    ]);
  });

  it("takes a data-flow failure from the ExecutionFailed that follows the state", () => {
    const t = "2026-12-06T00:00:00Z";
    const events = [
      { id: 1, previousEventId: 0, timestamp: t, type: "ExecutionStarted", executionStartedEventDetails: {} },
      { id: 2, previousEventId: 1, timestamp: t, type: "PassStateEntered", stateEnteredEventDetails: { name: "Refund", input: "{}" } },
      { id: 3, previousEventId: 2, timestamp: t, type: "ExecutionFailed", executionFailedEventDetails: { error: "States.Runtime", cause: "no path" } },
    ] as unknown as HistoryEvent[];
    const own = new RunIndex(states);
    own.add(events);
    const v = visit(own, visitsOf(own, "Refund")[0]);
    expect(v).toMatchObject({ error: "States.Runtime", cause: "no path", end: t });
  });

  it("has no error when a retry succeeded (its attempts keep theirs)", () => {
    const t = "2026-12-06T00:00:00Z";
    const events = [
      { id: 1, previousEventId: 0, timestamp: t, type: "ExecutionStarted", executionStartedEventDetails: {} },
      { id: 2, previousEventId: 1, timestamp: t, type: "TaskStateEntered", stateEnteredEventDetails: { name: "Pay", input: "{}" } },
      { id: 3, previousEventId: 2, timestamp: t, type: "TaskScheduled", taskScheduledEventDetails: { parameters: "{}" } },
      { id: 4, previousEventId: 3, timestamp: t, type: "TaskFailed", taskFailedEventDetails: { error: "Busy", cause: "later" } },
      { id: 5, previousEventId: 4, timestamp: t, type: "TaskScheduled", taskScheduledEventDetails: { parameters: "{}" } },
      { id: 6, previousEventId: 5, timestamp: t, type: "TaskSucceeded", taskSucceededEventDetails: { output: "{}" } },
      { id: 7, previousEventId: 6, timestamp: t, type: "TaskStateExited", stateExitedEventDetails: { name: "Pay", output: "{}" } },
    ] as unknown as HistoryEvent[];
    const own = new RunIndex(states);
    own.add(events);
    const v = visit(own, visitsOf(own, "Pay")[0]);
    expect(v.error).toBeUndefined();
    expect(v.attempts.map((a) => a.error)).toEqual(["Busy", undefined]);
  });

  it("gives a Map that failed, was retried and succeeded no error; a tolerated item failure is not the Map's", () => {
    const t = "2026-12-06T00:00:00Z";
    const ev = (id: number, prev: number, type: string, d?: object) => ({ id, previousEventId: prev, timestamp: t, type, ...(d ? { [`${type[0].toLowerCase()}${type.slice(1)}EventDetails`]: d } : {}) });
    const events = [
      ev(1, 0, "ExecutionStarted", {}),
      { ...ev(2, 1, "MapStateEntered"), stateEnteredEventDetails: { name: "Items", input: "[1]" } },
      ev(3, 2, "MapStateStarted", { length: 1 }),
      ev(4, 3, "MapIterationStarted", { name: "Items", index: 0 }),
      { ...ev(5, 4, "FailStateEntered"), stateEnteredEventDetails: { name: "Right", input: "1" } },
      ev(6, 5, "MapIterationFailed", { name: "Items", index: 0 }),
      ev(7, 5, "MapStateFailed"),
      ev(8, 7, "MapStateStarted", { length: 1 }),
      ev(9, 8, "MapIterationStarted", { name: "Items", index: 0 }),
      { ...ev(10, 9, "FailStateEntered"), stateEnteredEventDetails: { name: "Right", input: "1" } },
      ev(11, 10, "MapIterationFailed", { name: "Items", index: 0 }),
      ev(12, 10, "MapStateSucceeded"),
      { ...ev(13, 12, "MapStateExited"), stateExitedEventDetails: { name: "Items", output: "[]" } },
      ev(14, 13, "ExecutionSucceeded", { output: "[]" }),
    ] as unknown as HistoryEvent[];
    const own = new RunIndex(new Map([...states, ["Right", info("Fail", ["Items"], 1)]]));
    own.add(events);
    const v = visit(own, visitsOf(own, "Items")[0]);
    expect([v.status, v.error]).toEqual(["succeeded", undefined]);
    // The run went on: a Fail state inside the Map failed all the same.
    expect(visit(own, visitsOf(own, "Right")[0]).status).toBe("failed");
  });

  it("says a failed Map failed, with the run's error, once the run ends", () => {
    const t = "2026-12-06T00:00:00Z";
    const events = [
      { id: 1, previousEventId: 0, timestamp: t, type: "ExecutionStarted", executionStartedEventDetails: {} },
      { id: 2, previousEventId: 1, timestamp: t, type: "MapStateEntered", stateEnteredEventDetails: { name: "Items", input: "1" } },
      { id: 3, previousEventId: 1, timestamp: t, type: "EvaluationFailed", evaluationFailedEventDetails: { state: "Items", error: "States.QueryEvaluationError", cause: "not an array" } },
      { id: 4, previousEventId: 3, timestamp: t, type: "MapStateFailed" },
      { id: 5, previousEventId: 4, timestamp: t, type: "ExecutionFailed", executionFailedEventDetails: { error: "States.QueryEvaluationError", cause: "not an array" } },
    ] as unknown as HistoryEvent[];
    const own = new RunIndex(states);
    own.add(events);
    const v = visit(own, visitsOf(own, "Items")[0]);
    expect(v).toMatchObject({ status: "failed", error: "States.QueryEvaluationError", cause: "not an array", end: t });
    // Before the run's end arrives, it is still running.
    expect(visit(own, visitsOf(own, "Items")[0], 2).status).toBe("running");
  });

  it("keeps Map iterations apart", () => {
    const all = visitsOf(ix, "Pick");
    expect(all).toHaveLength(3);
    const second = visitsOf(ix, "Pick", ix.length, (i) => ix.inIteration(i, "Items", frameKey("Items", 1)));
    expect(second).toHaveLength(1);
    const v = visit(ix, second[0]);
    expect([v.input, v.output]).toEqual(["2", "2"]);
    expect(v.events).toHaveLength(2);
  });

  it("gives the Map its own events, not its iterations'", () => {
    const v = visit(ix, visitsOf(ix, "Items")[0]);
    const it3 = (t: string) => [t, t, t];
    expect(v.events.map((e) => e.type).sort()).toEqual(
      ["MapStateEntered", "MapStateStarted", ...it3("MapIterationStarted"), ...it3("MapIterationSucceeded"), "MapStateSucceeded", "MapStateExited"].sort(),
    );
    expect(JSON.parse(v.output!).items).toEqual([1, 2, 3]);
  });

  it("lays out spans for the timeline", () => {
    const s = spans(ix);
    expect(s.total).toBe(11); // Pay, Refund, Items, Pick and Pack three times, Both, Right
    expect(s.spans.find((x) => x.state === "Right")?.status).toBe("failed");
    expect(s.spans.filter((x) => x.state === "Pick").every((x) => x.status === "succeeded")).toBe(true);
    // Visits inside the Map say which item they were of.
    expect(s.spans.filter((x) => x.state === "Pick").map((x) => x.item)).toEqual(["item 1 of Items", "item 2 of Items", "item 3 of Items"]);
    expect(s.spans.find((x) => x.state === "Pay")?.item).toBe("");
  });
});
