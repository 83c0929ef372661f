// Pure conversion from the Go-laid-out diagram to React Flow's nodes and
// edges. Go gives absolute positions; React Flow wants children relative
// to their parent container.
import type { Edge, Node } from "@xyflow/react";
import type { Diagram, DiagramEdge, DiagramNode } from "../backend/studio";
import type { Badge } from "../frame/problems";
import { movable } from "./arrange";

export type FlowNode = Node<{ node: DiagramNode; badge?: Badge; dropTarget?: boolean; pinned?: boolean }>;
export type FlowEdge = Edge<{ edge: DiagramEdge }>;

const nodeType: Record<string, string> = {
  state: "state",
  container: "container",
  branch: "branch",
  start: "marker",
  end: "marker",
};

export function toFlow(
  d: Diagram,
  selected: string | null | ReadonlySet<string>,
  badges: Map<string, Badge> = new Map(),
  dropAt: string | null = null,
  /** Names of the states placed by hand, and whether boxes can be dragged now. */
  arrange: { pinned: ReadonlySet<string>; draggable: boolean } = { pinned: new Set(), draggable: false },
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const isSelected = (id: string) => (typeof selected === "string" ? id === selected : (selected?.has(id) ?? false));
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const nodes: FlowNode[] = d.nodes.map((n) => {
    const parent = n.parent ? byId.get(n.parent) : undefined;
    const boxed = n.kind === "container" || n.kind === "branch";
    const top = movable(n);
    return {
      id: n.id,
      type: nodeType[n.kind] ?? "state",
      position: { x: n.x - (parent?.x ?? 0), y: n.y - (parent?.y ?? 0) },
      parentId: parent?.id,
      width: n.width,
      height: n.height,
      data: { node: n, badge: badges.get(n.id), dropTarget: n.id === dropAt, ...(top && arrange.pinned.has(n.name) ? { pinned: true } : {}) },
      selected: isSelected(n.id),
      selectable: n.kind !== "branch",
      // Top-level steps can be placed by hand; ones inside a container cannot.
      draggable: arrange.draggable && top,
      // States can start a connection from their handles.
      connectable: n.kind === "state" || n.kind === "container",
      zIndex: boxed ? 0 : 1,
    };
  });
  const edges: FlowEdge[] = d.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: "routed",
    className: `edge-kind-${e.kind}${e.id === dropAt ? " drop-target" : ""}`,
    data: { edge: e },
    selectable: false,
    zIndex: 2,
  }));
  return { nodes, edges };
}

/** SVG path of a Graphviz route: p0 then cubic segments, then the arrow tip. */
export function routePath(route: DiagramEdge["route"]): string {
  const pts = route.points ?? [];
  if (pts.length === 0) return "";
  let d = `M ${pts[0].x} ${pts[0].y}`;
  for (let i = 1; i + 2 < pts.length; i += 3) {
    d += ` C ${pts[i].x} ${pts[i].y} ${pts[i + 1].x} ${pts[i + 1].y} ${pts[i + 2].x} ${pts[i + 2].y}`;
  }
  if (route.end) d += ` L ${route.end.x} ${route.end.y}`;
  return d;
}
