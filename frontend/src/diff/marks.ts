// What the diff view draws, worked out from a flowdiff Result: the marks
// on each side's diagram (nodes by status, connections added or removed)
// and the change list, grouped per step. Pure, so it is tested without a
// window; DiffView and DiffCanvas only draw it.
import type { DiagramEdge, DiagramNode, DiffChange, DiffResult, DiffStatus, StateDiff, TransitionDiff } from "../backend/studio";

/** Which diagram is shown: the new version (after) or the old one (before). */
export type Side = "before" | "after";

/** The statuses' colours: app/diffview's, so the CLI's pictures and the studio agree. */
export const statusColour: Record<DiffStatus, string> = {
  added: "#1a7f37",
  removed: "#cf222e",
  changed: "#c65d00",
  renamed: "#0969da",
  moved: "#8250df",
};

/** The legend, in plain words, in the order it is read. */
export const legend: { status: DiffStatus; words: string }[] = [
  { status: "added", words: "Added" },
  { status: "removed", words: "Removed" },
  { status: "changed", words: "Changed" },
  { status: "renamed", words: "Renamed" },
  { status: "moved", words: "Moved" },
];

export interface NodeMark {
  status: DiffStatus;
  /** The short word on the node: "added", "renamed from Charge". */
  badge: string;
}

/** The marks on one side's nodes, by diagram node id. */
export function nodeMarks(r: DiffResult, side: Side): Map<string, NodeMark> {
  const out = new Map<string, NodeMark>();
  for (const s of r.states) {
    const id = idOn(s, side);
    if (id) out.set(id, { status: s.status, badge: badgeOf(s, side) });
  }
  return out;
}

/** The node id of s on side, or null when s is not on it. */
export function idOn(s: StateDiff, side: Side): string | null {
  if (side === "after") return s.status === "removed" ? null : s.id;
  if (s.status === "added") return null;
  return s.oldId || s.id;
}

function badgeOf(s: StateDiff, side: Side): string {
  if (s.status === "renamed") {
    const was = side === "after" ? `renamed from ${s.oldName}` : `renamed to ${s.name}`;
    return s.edited ? `${was}, edited` : was;
  }
  return s.status;
}

/** A connection to draw that the diagram itself does not have. */
export interface ExtraLine {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface EdgeMarks {
  /** Diagram edges marked added (after) or removed (before), by edge id. */
  edges: Map<string, "added" | "removed">;
  /** On the after side: removed connections whose both ends are still there, drawn dashed. */
  lines: ExtraLine[];
  /** Removed connections that cannot be drawn on this side (an end is gone). */
  unplaced: TransitionDiff[];
}

const edgeKind: Record<string, string> = { Next: "next", Default: "default", Choice: "choice", Catch: "catch", StartAt: "start" };

/**
 * The connection marks on side's diagram. After: added connections are
 * its edges; removed ones are extra dashed lines when both ends are still
 * there (through renames), else listed. Before: removed connections are
 * its edges.
 */
export function edgeMarks(r: DiffResult, side: Side, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): EdgeMarks {
  const out: EdgeMarks = { edges: new Map(), lines: [], unplaced: [] };
  const used = new Set<string>();
  const find = (t: TransitionDiff) => {
    const e = edges.find((x) => !used.has(x.id) && x.source === t.fromId && x.target === t.toId && x.kind === edgeKind[t.kind]);
    if (e) used.add(e.id);
    return e?.id;
  };
  const idOf = new Map(nodes.filter((n) => n.kind === "state" || n.kind === "container").map((n) => [n.name, n.id]));
  const renamedTo = new Map(r.states.filter((s) => s.status === "renamed").map((s) => [s.oldName ?? "", s.name]));
  const inB = (name: string) => idOf.get(renamedTo.get(name) ?? name);
  r.transitions.forEach((t, i) => {
    if (side === "after" && t.op === "added") {
      const id = find(t);
      if (id) out.edges.set(id, "added");
    } else if (side === "before" && t.op === "removed") {
      const id = find(t);
      if (id) out.edges.set(id, "removed");
      else out.unplaced.push(t);
    } else if (side === "after" && t.op === "removed") {
      const from = t.kind === "StartAt" && !t.from ? "start" : inB(t.from ?? "");
      const to = inB(t.to);
      if (from && to) out.lines.push({ id: `removed-${i}`, source: from, target: to, label: "removed" });
      else out.unplaced.push(t);
    }
  });
  return out;
}

/** One line of a step's changes. */
export interface ChangeLine {
  op: DiffChange["op"];
  /** "Retry 1 › MaxAttempts: 3 → 5", "Comment: added", … */
  text: string;
  path: string;
  old?: string;
  new?: string;
}

/** One entry of the change list: a step, or the workflow's own settings. */
export interface Entry {
  key: string;
  status: DiffStatus | "workflow";
  /** Business words first: "Charge → Charge card", "Audit". */
  title: string;
  /** What happened, in plain words: "Renamed and edited", "Added (Pass)". */
  words: string;
  /** The node ids to select on each side ("" when not on it). */
  after: string;
  before: string;
  /** Where it sits when not at the top level: "in Charge and notify". */
  where: string;
  lines: ChangeLine[];
}

const statusWords: Record<DiffStatus, string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  renamed: "Renamed",
  moved: "Moved on the diagram only",
};

/** A change as one line a reviewer reads; the exact values stay on the line for developers. */
export function changeLine(c: DiffChange): ChangeLine {
  let text: string;
  if (c.op === "changed") text = `${c.path}: ${c.old} → ${c.new}`;
  else if (c.op === "added") text = `${c.path}: added${c.new !== undefined ? ` (${c.new})` : ""}`;
  else text = `${c.path}: removed${c.old !== undefined ? ` (was ${c.old})` : ""}`;
  return { op: c.op, text, path: c.path, old: c.old, new: c.new };
}

/**
 * The change list: the workflow's own settings first when they changed,
 * then the steps in the Result's order (the new version's, removed ones
 * after), each with its field changes.
 */
export function entries(r: DiffResult): Entry[] {
  const out: Entry[] = [];
  if (r.machine.length) {
    out.push({ key: "workflow", status: "workflow", title: "Workflow settings", words: `${r.machine.length} changed`, after: "", before: "", where: "", lines: r.machine.map(changeLine) });
  }
  for (const s of r.states) {
    const title = s.status === "renamed" ? `${s.oldName} → ${s.name}` : s.name;
    let words = `${statusWords[s.status]} (${s.type})`;
    if (s.status === "renamed" && s.edited) words = `Renamed and edited (${s.type})`;
    if (s.status === "changed" && s.positionMoved) words = `Changed and moved (${s.type})`;
    const lines = (s.changes ?? []).map(changeLine);
    if (s.positionMoved && s.status === "moved") {
      const [from, to] = [point(s.from), point(s.to)];
      lines.push({ op: "changed", text: `Position: ${from} → ${to}`, path: "Position", old: from, new: to });
    }
    out.push({
      key: `${s.status}:${s.oldId || s.id}:${s.name}`,
      status: s.status,
      title,
      words,
      after: idOn(s, "after") ?? "",
      before: idOn(s, "before") ?? "",
      where: s.parentName ? `in ${s.parentName}` : "",
      lines,
    });
  }
  return out;
}

function point(p?: { x: number; y: number }): string {
  return p ? `${Math.round(p.x)}, ${Math.round(p.y)}` : "laid out automatically";
}

/** A connection in words: "Charge → Done (Catch 1)". */
export function transitionWords(t: TransitionDiff): string {
  const from = t.from || "Start";
  return `${from} → ${t.to}${t.label ? ` (${t.label})` : t.kind !== "Next" && t.kind !== "StartAt" ? ` (${t.kind})` : ""}`;
}
