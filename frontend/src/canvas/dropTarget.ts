// Where a step dropped at a point of the diagram goes. A drop is never
// refused for its place; the first of these that applies decides:
//  1. onto a step's box: after that step (on its way on);
//  2. onto an arrow (or near it): inserted between its ends;
//  3. into a branch or a Map's box: into that branch or processor;
//  4. near a step that ends the workflow: after it;
//  5. anywhere else, with a selected step that ends the workflow: after it;
//  6. anywhere else: added unconnected (the problems panel flags it until
//     something leads to it); in an empty workflow it is the first step.
import type { Diagram, DiagramEdge, DiagramNode } from "../backend/studio";
import { stateKind } from "../states/registry";

export type DropTarget =
  | { kind: "edge"; id: string }
  | { kind: "container"; id: string }
  | { kind: "after"; id: string }
  | { kind: "free" };

type Point = { x: number; y: number };

/** How far from an arrow a drop still counts as on it, in diagram pixels. */
export const edgeReach = 24;
/** How far from a step that ends the workflow a drop still joins it. */
export const endReach = 200;

export interface DropContext {
  /** The selected step, if one. */
  selected?: string | null;
}

export function dropTarget(d: Diagram, p: Point, ctx: DropContext = {}): DropTarget {
  const inside = (n: DiagramNode) => p.x >= n.x && p.y >= n.y && p.x <= n.x + n.width && p.y <= n.y + n.height;
  const box = d.nodes.find((n) => n.kind === "state" && inside(n) && stateKind(n.type).exit === "next");
  if (box) return { kind: "after", id: box.id };

  let best: { id: string; dist: number } | null = null;
  for (const e of d.edges) {
    const dist = distanceToRoute(e.route, p);
    if (dist <= edgeReach && (!best || dist < best.dist)) best = { id: e.id, dist };
  }
  if (best) return { kind: "edge", id: best.id };

  // The innermost box: the smallest branch or container holding the point.
  let inner: { id: string; area: number } | null = null;
  for (const n of d.nodes) {
    if (n.kind !== "branch" && !(n.kind === "container" && stateKind(n.type).holds !== null)) continue;
    if (!inside(n)) continue;
    const area = n.width * n.height;
    if (!inner || area < inner.area) inner = { id: n.id, area };
  }
  if (inner) return { kind: "container", id: inner.id };

  const ends = openEnds(d);
  let near: { id: string; dist: number } | null = null;
  for (const n of ends) {
    const dist = rectDistance(n, p);
    if (dist <= endReach && (!near || dist < near.dist)) near = { id: n.id, dist };
  }
  if (near) return { kind: "after", id: near.id };
  if (ctx.selected && ends.some((n) => n.id === ctx.selected)) return { kind: "after", id: ctx.selected };
  return { kind: "free" };
}

/** The top-level steps that end the workflow and could go on (End: true, not Succeed or Fail). */
export function openEnds(d: Diagram): DiagramNode[] {
  const ending = new Set(d.edges.filter((e) => e.kind === "end").map((e) => e.source));
  return d.nodes.filter((n) => ending.has(n.id) && stateKind(n.type).exit === "next");
}

/** What a drop on t does, in words for the pointer's hint. */
export function dropWords(d: Diagram, t: DropTarget): string {
  const name = (id: string) => d.nodes.find((n) => n.id === id)?.name ?? "";
  switch (t.kind) {
    case "edge": {
      const e = d.edges.find((x) => x.id === t.id);
      if (e?.kind === "start") return `Add before “${name(e.target)}”, as the first step`;
      if (e?.kind === "end") return `Add after “${name(e.source)}”, at the end`;
      return e ? `Insert between “${name(e.source)}” and “${name(e.target)}”` : "Insert on this arrow";
    }
    case "after":
      return `Add after “${name(t.id)}”`;
    case "container": {
      const n = d.nodes.find((x) => x.id === t.id);
      if (n?.kind === "branch") return "Add to this branch";
      return stateKind(n?.type).holds === "branches" ? `Add as a new branch of “${name(t.id)}”` : `Add inside “${name(t.id)}”`;
    }
    case "free":
      return d.nodes.some((n) => n.type) ? "Add here, not connected yet" : "Add as the first step";
  }
}

/** Distance from p to a node's box (0 inside). */
function rectDistance(n: DiagramNode, p: Point): number {
  const dx = Math.max(n.x - p.x, 0, p.x - (n.x + n.width));
  const dy = Math.max(n.y - p.y, 0, p.y - (n.y + n.height));
  return Math.hypot(dx, dy);
}

/** Distance from p to a Graphviz route (p0, cubic segments, arrow tip). */
export function distanceToRoute(route: DiagramEdge["route"], p: Point): number {
  const pts = route.points ?? [];
  if (pts.length === 0) return Infinity;
  const samples: Point[] = [pts[0]];
  for (let i = 1; i + 2 < pts.length; i += 3) {
    const [a, b, c, e] = [pts[i - 1], pts[i], pts[i + 1], pts[i + 2]];
    for (let t = 0.1; t <= 1.0001; t += 0.1) {
      const u = 1 - t;
      samples.push({
        x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * e.x,
        y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * e.y,
      });
    }
  }
  if (route.end) samples.push(route.end);
  let min = Infinity;
  for (let i = 0; i < samples.length; i++) {
    const a = samples[i];
    const b = samples[i + 1] ?? a;
    min = Math.min(min, segmentDistance(p, a, b));
  }
  return min;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
