// Steps placed by hand: the pins kept in the notes file beside the
// workflow (NAME.studio.json, by state name), the note ops that move,
// unpin and tidy up with the ops that revert each (for the one undo
// history), and the provisional arrows drawn while a box is dragged.
// Pure: the hook (useArrange.ts) applies the ops; Go lays out with them.
import type { Diagram, DiagramEdge, DiagramNode, NoteOp, NotesFile } from "../backend/studio";

export interface Pin {
  x: number;
  y: number;
}
/** Pinned top-left corners by state name, in diagram coordinates (before Diagram.shift). */
export type Pins = Record<string, Pin>;

/** The pins in notes (none without notes). */
export function pinsOf(notes: NotesFile | null): Pins {
  const out: Pins = {};
  for (const [name, e] of Object.entries(notes?.states ?? {})) if (e.position) out[name] = { x: e.position.x, y: e.position.y };
  return out;
}

/** The same text for the same pins, whatever their order: an effect's dependency. */
export function pinsKey(pins: Pins): string {
  return JSON.stringify(Object.keys(pins).sort().map((k) => [k, pins[k].x, pins[k].y]));
}

/** One change to the pins, labelled for the Undo menu, and its inverse. */
export interface Change {
  label: string;
  redo: NoteOp[];
  undo: NoteOp[];
}

/** Back to pin p, or to the layout when there was none. */
const restore = (state: string, p: Pin | undefined): NoteOp => (p ? { kind: "pin", state, x: p.x, y: p.y } : { kind: "unpin", state });

/** Moving states (several when several were dragged together); whole pixels, so the notes file reads (and diffs) cleanly. */
export function moveChange(pins: Pins, to: Pins): Change {
  const names = Object.keys(to).sort();
  return {
    label: names.length === 1 ? `Move ${names[0]}` : `Move ${names.length} steps`,
    redo: names.map((state) => ({ kind: "pin", state, x: Math.round(to[state].x), y: Math.round(to[state].y) })),
    undo: names.map((state) => restore(state, pins[state])),
  };
}

/** Giving state back to the layout; null when it is not pinned. */
export function unpinChange(pins: Pins, state: string): Change | null {
  if (!pins[state]) return null;
  return { label: `Let the layout place ${state}`, redo: [{ kind: "unpin", state }], undo: [restore(state, pins[state])] };
}

/** Tidy up: every state back to the layout; null when none is pinned. */
export function tidyChange(pins: Pins): Change | null {
  const names = Object.keys(pins).sort();
  if (!names.length) return null;
  return { label: "Tidy up", redo: [{ kind: "unpinAll" }], undo: names.map((n) => restore(n, pins[n])) };
}

/** The node a drag can move: a top-level state or container (not a marker, not inside a container). */
export function movable(n: DiagramNode): boolean {
  return Boolean(n.type) && !n.parent;
}

/**
 * The edges as they look while top-level nodes are dragged (moved: node id
 * -> its new top-left corner): edges inside one move with it, edges between
 * boxes moved apart are drawn as one curve between the facing sides (as Go
 * does for pinned boxes), the others stay. The next layout replaces them.
 */
export function draggedEdges(d: Diagram, moved: ReadonlyMap<string, Pin>): Map<string, DiagramEdge["route"]> {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const delta = (id: string): Pin => {
    for (let n = byId.get(id); n; n = n.parent ? byId.get(n.parent) : undefined) {
      const p = moved.get(n.id);
      if (p) return { x: p.x - n.x, y: p.y - n.y };
    }
    return { x: 0, y: 0 };
  };
  const boxOf = (id: string) => {
    const n = byId.get(id);
    const p = delta(id);
    return n ? { x: n.x + p.x, y: n.y + p.y, width: n.width, height: n.height } : null;
  };
  const out = new Map<string, DiagramEdge["route"]>();
  for (const e of d.edges) {
    const a = delta(e.source);
    const b = delta(e.target);
    if (a.x === b.x && a.y === b.y) {
      if (a.x || a.y) out.set(e.id, shiftRoute(e.route, a.x, a.y));
      continue;
    }
    const from = boxOf(e.source);
    const to = boxOf(e.target);
    if (from && to) out.set(e.id, curve(from, to, Boolean(e.route.label)));
  }
  return out;
}

type Box = { x: number; y: number; width: number; height: number };
type Route = DiagramEdge["route"];

function shiftRoute(r: Route, dx: number, dy: number): Route {
  const s = (p: Pin) => ({ x: p.x + dx, y: p.y + dy });
  return { ...r, points: (r.points ?? []).map(s), end: r.end && s(r.end), label: r.label && s(r.label) } as Route;
}

/** The curve app/diagram/pin.go draws between two boxes that were moved apart. */
export function curve(a: Box, b: Box, label: boolean): Route {
  const ac = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const bc = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  const gapY = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
  const gapX = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
  let p0: Pin, tip: Pin, dir: Pin;
  // Bottom to top whenever there is room vertically (minVerticalGap in pin.go), else side to side.
  if (gapY >= Math.min(gapX, 20)) {
    if (bc.y >= ac.y) [p0, tip, dir] = [{ x: ac.x, y: a.y + a.height }, { x: bc.x, y: b.y }, { x: 0, y: 1 }];
    else [p0, tip, dir] = [{ x: ac.x, y: a.y }, { x: bc.x, y: b.y + b.height }, { x: 0, y: -1 }];
  } else if (bc.x >= ac.x) [p0, tip, dir] = [{ x: a.x + a.width, y: ac.y }, { x: b.x, y: bc.y }, { x: 1, y: 0 }];
  else [p0, tip, dir] = [{ x: a.x, y: ac.y }, { x: b.x + b.width, y: bc.y }, { x: -1, y: 0 }];
  const p3 = { x: tip.x - dir.x * 10, y: tip.y - dir.y * 10 };
  const k = Math.min(Math.max(30, Math.hypot(p3.x - p0.x, p3.y - p0.y) / 2.5), 80);
  const c1 = { x: p0.x + dir.x * k, y: p0.y + dir.y * k };
  const c2 = { x: p3.x - dir.x * k, y: p3.y - dir.y * k };
  const r = { points: [p0, c1, c2, p3], end: tip } as Route;
  if (label) r.label = { x: (p0.x + 3 * c1.x + 3 * c2.x + p3.x) / 8, y: (p0.y + 3 * c1.y + 3 * c2.y + p3.y) / 8 } as Route["label"];
  return r;
}
