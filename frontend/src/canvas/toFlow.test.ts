import { describe, expect, it } from "vitest";
import { routePath, toFlow } from "./toFlow";
import type { Diagram } from "../backend/studio";

const diagram = {
  width: 400,
  height: 300,
  nodes: [
    { id: "/States/P", kind: "container", name: "P", type: "Parallel", x: 10, y: 100, width: 300, height: 150 },
    { id: "/States/P/Branches/0", kind: "branch", name: "Branch 1", type: "", parent: "/States/P", x: 20, y: 130, width: 140, height: 100 },
    { id: "/States/P/Branches/0/States/A", kind: "state", name: "A", type: "Pass", parent: "/States/P/Branches/0", x: 30, y: 150, width: 120, height: 60 },
    { id: "start", kind: "start", name: "", type: "", x: 100, y: 10, width: 28, height: 28 },
  ],
  edges: [{ id: "start", source: "start", target: "/States/P", kind: "start", route: { points: [] } }],
} as unknown as Diagram;

describe("toFlow", () => {
  it("makes child positions relative to their parent", () => {
    const { nodes } = toFlow(diagram, null);
    const a = nodes.find((n) => n.id.endsWith("/A"))!;
    expect(a.parentId).toBe("/States/P/Branches/0");
    expect(a.position).toEqual({ x: 10, y: 20 });
    const p = nodes.find((n) => n.id === "/States/P")!;
    expect(p.parentId).toBeUndefined();
    expect(p.position).toEqual({ x: 10, y: 100 });
  });

  it("lets only top-level steps be dragged, and marks the pinned ones", () => {
    const still = toFlow(diagram, null).nodes;
    expect(still.every((n) => !n.draggable)).toBe(true);
    const nodes = toFlow(diagram, null, new Map(), null, { pinned: new Set(["P", "A"]), draggable: true }).nodes;
    const by = (id: string) => nodes.find((n) => n.id === id)!;
    expect(by("/States/P").draggable).toBe(true);
    expect(by("/States/P").data.pinned).toBe(true);
    expect(by("/States/P/Branches/0/States/A").draggable).toBe(false); // inside a container: not placed by hand
    expect(by("/States/P/Branches/0/States/A").data.pinned).toBeUndefined();
    expect(by("start").draggable).toBe(false);
  });

  it("keeps parents before children, as React Flow requires", () => {
    const ids = toFlow(diagram, null).nodes.map((n) => n.id);
    expect(ids.indexOf("/States/P")).toBeLessThan(ids.indexOf("/States/P/Branches/0"));
    expect(ids.indexOf("/States/P/Branches/0")).toBeLessThan(ids.indexOf("/States/P/Branches/0/States/A"));
  });

  it("marks the selected node and maps kinds to node types", () => {
    const { nodes, edges } = toFlow(diagram, "/States/P");
    expect(nodes.find((n) => n.id === "/States/P")!.selected).toBe(true);
    expect(nodes.map((n) => n.type)).toEqual(["container", "branch", "state", "marker"]);
    expect(edges[0].type).toBe("routed");
  });
});

describe("routePath", () => {
  it("draws cubic segments then a line to the arrow tip", () => {
    const path = routePath({
      points: [
        { x: 0, y: 0 },
        { x: 0, y: 10 },
        { x: 10, y: 20 },
        { x: 10, y: 30 },
      ],
      end: { x: 10, y: 36 },
    } as never);
    expect(path).toBe("M 0 0 C 0 10 10 20 10 30 L 10 36");
  });
  it("draws nothing without points", () => {
    expect(routePath({ points: [] } as never)).toBe("");
  });
});
