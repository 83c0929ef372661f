import { describe, expect, it } from "vitest";
import historyJson from "../run/testdata/retry.history.json?raw";
import type { Diagram, HistoryEvent } from "../backend/studio";
import { RunIndex } from "../run/fold";
import { stateIndex } from "../run/stateIndex";
import { branchesFrom, buildSteps } from "./steps";

// The diagram of run/testdata/retry.asl.json as Go draws it (positions left out).
const node = (id: string, kind: string, name: string, type: string, parent?: string) => ({ id, kind, name, type, parent, x: 0, y: 0, width: 0, height: 0 });
const diagram = {
  nodes: [
    node("/States/Pay", "state", "Pay", "Task"),
    node("/States/Refund", "state", "Refund", "Pass"),
    node("/States/Items", "container", "Items", "Map"),
    node("/States/Items/ItemProcessor/States/Pick", "state", "Pick", "Pass", "/States/Items"),
    node("/States/Items/ItemProcessor/States/Pack", "state", "Pack", "Pass", "/States/Items"),
    node("/States/Both", "container", "Both", "Parallel"),
    node("/States/Both/Branches/0", "branch", "Branch 1", "", "/States/Both"),
    node("/States/Both/Branches/0/States/Left", "state", "Left", "Pass", "/States/Both/Branches/0"),
    node("/States/Both/Branches/1", "branch", "Branch 2", "", "/States/Both"),
    node("/States/Both/Branches/1/States/Right", "state", "Right", "Fail", "/States/Both/Branches/1"),
  ],
  edges: [],
} as unknown as Diagram;

const history: HistoryEvent[] = JSON.parse(historyJson).events;
const states = stateIndex(diagram);

function stepsOf(events: HistoryEvent[]) {
  const ix = new RunIndex(states);
  ix.add(events);
  return { ix, steps: buildSteps(ix, states, branchesFrom(diagram)) };
}

describe("buildSteps", () => {
  it("makes one step per state visit, in event order, saying where each ran", () => {
    const { ix, steps } = stepsOf(history);
    expect(steps.map((s) => [s.state, s.where])).toEqual([
      ["Pay", ""],
      ["Refund", ""],
      ["Items", ""],
      ["Pick", "item 1 of 3"],
      ["Pack", "item 1 of 3"],
      ["Pick", "item 2 of 3"],
      ["Pack", "item 2 of 3"],
      ["Pick", "item 3 of 3"],
      ["Pack", "item 3 of 3"],
      ["Both", ""],
      ["Right", "branch 2"],
    ]);
    // Each step points at its own StateEntered event.
    for (const s of steps) {
      expect(ix.events[s.entered].type).toMatch(/StateEntered$/);
      expect((ix.events[s.entered].stateEnteredEventDetails as { name: string }).name).toBe(s.state);
    }
  });

  it("grows with a live run: the steps of the events so far", () => {
    const { steps } = stepsOf(history.slice(0, 16));
    expect(steps.map((s) => s.state)).toEqual(["Pay", "Refund", "Items", "Pick"]);
    expect(steps[3].where).toBe("item 1 of 3");
  });

  it("has no steps before the first state is entered", () => {
    expect(stepsOf(history.slice(0, 1)).steps).toEqual([]);
  });
});

describe("branchesFrom", () => {
  const branchOf = branchesFrom(diagram);
  it.each([
    ["Left", "Both", 1],
    ["Right", "Both", 2],
    ["Pick", "Both", null],
    ["Pay", "Both", null],
    ["Nowhere", "Both", null],
  ])("%s in %s: %s", (state, parallel, want) => {
    expect(branchOf(state, parallel)).toBe(want);
  });
});
