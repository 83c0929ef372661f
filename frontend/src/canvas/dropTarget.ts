// Where a palette item dropped at a point of the diagram goes: onto the
// nearest arrow (inserted between its ends), else into the innermost
// branch or Map box under the point.
import type { Diagram, DiagramEdge } from "../backend/studio";
import { stateKind } from "../states/registry";

export type DropTarget = { kind: "edge"; id: string } | { kind: "container"; id: string };

type Point = { x: number; y: number };

/** How far from an arrow a drop still counts as on it, in diagram pixels. */
export const edgeReach = 24;

export function dropTarget(d: Diagram, p: Point): DropTarget | null {
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
    if (p.x < n.x || p.y < n.y || p.x > n.x + n.width || p.y > n.y + n.height) continue;
    const area = n.width * n.height;
    if (!inner || area < inner.area) inner = { id: n.id, area };
  }
  return inner ? { kind: "container", id: inner.id } : null;
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
