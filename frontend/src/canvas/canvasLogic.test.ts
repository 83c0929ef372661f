import { describe, expect, test } from "vitest";
import { distanceToRoute, dropTarget, dropWords } from "./dropTarget";
import { actionFor, shortcuts } from "./shortcuts";
import type { Diagram } from "../backend/studio";

const line = (x1: number, y1: number, x2: number, y2: number) => ({
  points: [
    { x: x1, y: y1 },
    { x: x1, y: y1 },
    { x: x2, y: y2 },
    { x: x2, y: y2 },
  ],
});

const diagram = {
  width: 400,
  height: 1000,
  nodes: [
    { id: "/States/B", kind: "state", type: "Pass", name: "B", x: 0, y: 100, width: 100, height: 50 },
    { id: "/States/C", kind: "state", type: "Pass", name: "C", x: 0, y: 250, width: 100, height: 50 },
    { id: "/States/P", kind: "container", type: "Parallel", name: "P", x: 200, y: 0, width: 200, height: 300 },
    { id: "/States/P/Branches/0", kind: "branch", type: "", name: "Branch 1", x: 210, y: 40, width: 80, height: 250 },
  ],
  edges: [
    { id: "/States/A/Next", source: "/States/A", target: "/States/B", kind: "next", route: line(50, 0, 50, 100) },
    { id: "/States/B/Next", source: "/States/B", target: "/States/C", kind: "next", route: line(50, 150, 50, 250) },
    { id: "/States/C>end", source: "/States/C", target: "end", kind: "end", route: line(50, 300, 50, 340) },
  ],
} as unknown as Diagram;

describe("dropTarget", () => {
  test.each([
    ["on an arrow", { x: 55, y: 50 }, null, { kind: "edge", id: "/States/A/Next" }],
    ["near the second arrow", { x: 70, y: 200 }, null, { kind: "edge", id: "/States/B/Next" }],
    ["onto a step", { x: 20, y: 120 }, null, { kind: "after", id: "/States/B" }],
    ["inside a branch", { x: 250, y: 100 }, null, { kind: "container", id: "/States/P/Branches/0" }],
    ["inside the Parallel, beside its branches", { x: 350, y: 100 }, null, { kind: "container", id: "/States/P" }],
    ["near the step that ends the workflow", { x: 150, y: 380 }, null, { kind: "after", id: "/States/C" }],
    ["far away, the selected step ends the workflow", { x: 150, y: 900 }, "/States/C", { kind: "after", id: "/States/C" }],
    ["far away, the selected step goes on", { x: 150, y: 900 }, "/States/B", { kind: "free" }],
    ["far away", { x: 150, y: 900 }, null, { kind: "free" }],
  ])("%s", (_, p, selected, want) => {
    expect(dropTarget(diagram, p, { selected })).toEqual(want);
  });

  test("the hint says what a drop does", () => {
    expect(dropWords(diagram, { kind: "after", id: "/States/C" })).toBe("Add after “C”");
    expect(dropWords(diagram, { kind: "edge", id: "/States/B/Next" })).toBe("Insert between “B” and “C”");
    expect(dropWords(diagram, { kind: "edge", id: "/States/C>end" })).toBe("Add after “C”, at the end");
    expect(dropWords(diagram, { kind: "container", id: "/States/P" })).toBe("Add as a new branch of “P”");
    expect(dropWords(diagram, { kind: "free" })).toBe("Add here, not connected yet");
    expect(dropWords({ ...diagram, nodes: [] } as unknown as Diagram, { kind: "free" })).toBe("Add as the first step");
  });

  test("distance follows the curve", () => {
    expect(distanceToRoute(line(0, 0, 0, 100) as never, { x: 10, y: 50 })).toBeCloseTo(10);
    expect(distanceToRoute({ points: [] } as never, { x: 0, y: 0 })).toBe(Infinity);
  });
});

describe("shortcuts", () => {
  const key = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) =>
    actionFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  test.each([
    [key("z", { ctrlKey: true }), "undo"],
    [key("Z", { ctrlKey: true, shiftKey: true }), "redo"],
    [key("y", { ctrlKey: true }), "redo"],
    [key("z", { metaKey: true }), "undo"],
    [key("d", { ctrlKey: true }), "duplicate"],
    [key("Delete"), "delete"],
    [key("Backspace"), "delete"],
    [key("F2"), "rename"],
    [key("f", { ctrlKey: true }), "search"],
    [key("?", { shiftKey: true }), "help"],
    [key("M", { ctrlKey: true, shiftKey: true }), "comment"],
    [key("m", { ctrlKey: true }), null],
    [key("x"), null],
  ])("%s", (got, want) => expect(got).toBe(want));

  test("every action has a line in the help", () => {
    const actions = new Set(shortcuts.map((s) => s.action));
    for (const a of ["undo", "redo", "delete", "duplicate", "copy", "paste", "rename", "search", "help", "comment"]) expect(actions.has(a as never)).toBe(true);
  });
});
