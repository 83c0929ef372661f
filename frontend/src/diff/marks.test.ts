import { describe, expect, it } from "vitest";
import type { DiagramEdge, DiagramNode, DiffResult } from "../backend/studio";
import { changeLine, edgeMarks, entries, nodeMarks, statusColour, transitionWords } from "./marks";

// The example with the browser test's edits: Reject order renamed, a
// retry's MaxAttempts 3 → 5, Release items removed, Audit added.
const result: DiffResult = {
  same: false,
  summary: "2 steps changed, 1 added, 1 removed, 1 renamed",
  counts: { added: 1, removed: 1, changed: 2, renamed: 1, moved: 0, transitionsAdded: 3, transitionsRemoved: 3, machineChanges: 1 },
  machine: [{ op: "changed", path: "TimeoutSeconds", pointer: "/TimeoutSeconds", old: "300", new: "600" }],
  states: [
    { status: "changed", name: "Validate order", id: "/States/Validate order", type: "Task", changes: [{ op: "changed", path: "Retry 1 › MaxAttempts", pointer: "/Retry/0/MaxAttempts", old: "3", new: "5" }] },
    { status: "renamed", name: "Reject the order", oldName: "Reject order", id: "/States/Reject the order", oldId: "/States/Reject order", type: "Fail" },
    { status: "added", name: "Audit", id: "/States/Audit", type: "Pass" },
    { status: "moved", name: "Order complete", id: "/States/Order complete", type: "Succeed", positionMoved: true, from: { x: 10, y: 20 } },
    { status: "removed", name: "Release items", id: "/States/Release items", type: "Pass" },
  ],
  transitions: [
    { op: "added", kind: "Next", from: "Charge and notify", to: "Audit", fromId: "/States/Charge and notify", toId: "/States/Audit" },
    { op: "removed", kind: "Choice", from: "Is the order valid?", to: "Reject order", fromId: "/States/Is the order valid?", toId: "/States/Reject order", label: "Choices 1" },
    { op: "removed", kind: "Next", from: "Release items", to: "Payment declined", fromId: "/States/Release items", toId: "/States/Payment declined" },
  ],
};

const node = (name: string, id = `/States/${name}`): DiagramNode => ({ id, kind: "state", name, type: "Task", x: 0, y: 0, width: 10, height: 10 }) as DiagramNode;
const edge = (id: string, source: string, target: string, kind: string): DiagramEdge => ({ id, source, target, kind, route: { points: [] } }) as unknown as DiagramEdge;

describe("nodeMarks", () => {
  it("marks the new version's steps by status, removed ones absent", () => {
    const m = nodeMarks(result, "after");
    expect([...m.entries()].map(([id, v]) => `${id}=${v.status}:${v.badge}`)).toEqual([
      "/States/Validate order=changed:changed",
      "/States/Reject the order=renamed:renamed from Reject order",
      "/States/Audit=added:added",
      "/States/Order complete=moved:moved",
    ]);
  });
  it("marks the old version's steps by their old ids, added ones absent", () => {
    const m = nodeMarks(result, "before");
    expect(m.get("/States/Release items")?.status).toBe("removed");
    expect(m.get("/States/Reject order")?.badge).toBe("renamed to Reject the order");
    expect(m.has("/States/Audit")).toBe(false);
  });
  it("gives every status its own colour", () => {
    expect(new Set(Object.values(statusColour)).size).toBe(5);
  });
});

describe("edgeMarks", () => {
  it("after: added connections are edges; removed ones are dashed lines through renames, or listed when an end is gone", () => {
    const nodes = ["Charge and notify", "Audit", "Is the order valid?", "Reject the order", "Payment declined"].map((n) => node(n));
    const edges = [edge("e1", "/States/Charge and notify", "/States/Audit", "next"), edge("e2", "/States/Audit", "/States/Order complete", "next")];
    const m = edgeMarks(result, "after", nodes, edges);
    expect([...m.edges]).toEqual([["e1", "added"]]);
    expect(m.lines).toEqual([{ id: "removed-1", source: "/States/Is the order valid?", target: "/States/Reject the order", label: "removed" }]);
    expect(m.unplaced.map(transitionWords)).toEqual(["Release items → Payment declined"]);
  });
  it("before: removed connections are the old diagram's edges", () => {
    const edges = [edge("x", "/States/Release items", "/States/Payment declined", "next"), edge("y", "/States/Is the order valid?", "/States/Reject order", "choice")];
    const m = edgeMarks(result, "before", [], edges);
    expect([...m.edges]).toEqual([
      ["y", "removed"],
      ["x", "removed"],
    ]);
    expect(m.lines).toEqual([]);
  });
});

describe("entries", () => {
  it("lists the workflow's settings, then each step with its changes in words and exact values", () => {
    const list = entries(result);
    expect(list.map((e) => `${e.status}|${e.title}|${e.words}|${e.after}|${e.before}`)).toEqual([
      "workflow|Workflow settings|1 changed||",
      "changed|Validate order|Changed (Task)|/States/Validate order|/States/Validate order",
      "renamed|Reject order → Reject the order|Renamed (Fail)|/States/Reject the order|/States/Reject order",
      "added|Audit|Added (Pass)|/States/Audit|",
      "moved|Order complete|Moved on the diagram only (Succeed)|/States/Order complete|/States/Order complete",
      "removed|Release items|Removed (Pass)||/States/Release items",
    ]);
    expect(list[1].lines.map((l) => l.text)).toEqual(["Retry 1 › MaxAttempts: 3 → 5"]);
    expect(list[4].lines).toEqual([{ op: "changed", text: "Position: 10, 20 → laid out automatically", path: "Position", old: "10, 20", new: "laid out automatically" }]);
    expect(new Set(list.map((e) => e.key)).size).toBe(list.length);
  });
  it("words added and removed fields", () => {
    expect(changeLine({ op: "added", path: "Comment", pointer: "/Comment", new: '"hi"' }).text).toBe('Comment: added ("hi")');
    expect(changeLine({ op: "removed", path: "Catch 1", pointer: "/Catch/0", old: "{…}" }).text).toBe("Catch 1: removed (was {…})");
  });
});
