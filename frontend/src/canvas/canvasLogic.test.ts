import { describe, expect, test } from "vitest";
import { distanceToRoute, dropTarget } from "./dropTarget";
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
  height: 400,
  nodes: [
    { id: "/States/P", kind: "container", type: "Parallel", name: "P", x: 200, y: 0, width: 200, height: 300 },
    { id: "/States/P/Branches/0", kind: "branch", type: "", name: "Branch 1", x: 210, y: 40, width: 80, height: 250 },
  ],
  edges: [
    { id: "/States/A/Next", source: "/States/A", target: "/States/B", kind: "next", route: line(50, 0, 50, 100) },
    { id: "/States/B/Next", source: "/States/B", target: "/States/C", kind: "next", route: line(50, 150, 50, 250) },
  ],
} as unknown as Diagram;

describe("dropTarget", () => {
  test.each([
    ["on an arrow", { x: 55, y: 50 }, { kind: "edge", id: "/States/A/Next" }],
    ["near the second arrow", { x: 70, y: 200 }, { kind: "edge", id: "/States/B/Next" }],
    ["inside a branch", { x: 250, y: 100 }, { kind: "container", id: "/States/P/Branches/0" }],
    ["inside the Parallel, beside its branches", { x: 350, y: 100 }, { kind: "container", id: "/States/P" }],
    ["nowhere", { x: 150, y: 350 }, null],
  ])("%s", (_, p, want) => {
    expect(dropTarget(diagram, p)).toEqual(want);
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
    [key("x"), null],
  ])("%s", (got, want) => expect(got).toBe(want));

  test("every action has a line in the help", () => {
    const actions = new Set(shortcuts.map((s) => s.action));
    for (const a of ["undo", "redo", "delete", "duplicate", "copy", "paste", "rename", "search", "help"]) expect(actions.has(a as never)).toBe(true);
  });
});
