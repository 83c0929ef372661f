import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { MarkerType, ReactFlow, ReactFlowProvider, ViewportPortal, useReactFlow, type Edge } from "@xyflow/react";
import type { Diagram } from "../backend/studio";
import { toFlow } from "../canvas/toFlow";
import { noSelection, readOnlyFlow } from "../canvas/readOnlyFlow";
import { ZoomWatch } from "../canvas/ZoomWatch";
import { inView, type Distance } from "../canvas/viewport";
import { presentViewport } from "../present/view";
import { statusColour, type EdgeMarks, type NodeMark, type Side } from "./marks";

/** The change list's column on the right (diff.css). */
const listWidth = 400;

interface Props {
  side: Side;
  diagram: Diagram;
  marks: Map<string, NodeMark>;
  edges: EdgeMarks;
  selected: string;
  onPick: (id: string) => void;
}

export function DiffCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}

function Flow({ side, diagram, marks, edges, selected, onPick }: Props) {
  const flowApi = useReactFlow();
  const root = useRef<HTMLDivElement>(null);
  const [distance, setDistance] = useState<Distance>("near");
  const size = () => ({ width: root.current?.clientWidth ?? 0, height: root.current?.clientHeight ?? 0 });
  const fit = () => {
    const s = size();
    if (s.width && s.height) flowApi.setViewport(presentViewport(diagram, s, listWidth));
  };
  const flow = useMemo(() => {
    const f = toFlow(diagram, noSelection);
    const nodes = f.nodes.map((n) => {
      const m = marks.get(n.id);
      const cls = [m ? `diff-node diff-${m.status}` : "", n.id === selected ? "diff-selected" : ""].filter(Boolean).join(" ");
      return { ...n, className: cls || undefined, selectable: false, connectable: false, draggable: false };
    });
    const marked: Edge[] = f.edges.map((e) => {
      const m = edges.edges.get(e.id);
      return m ? { ...e, className: `${e.className} diff-edge-${m}`, zIndex: 3 } : e;
    });
    // Removed connections whose ends are both still there: dashed red, straight.
    for (const l of edges.lines) {
      marked.push({
        id: l.id,
        source: l.source,
        target: l.target,
        type: "straight",
        label: l.label,
        className: "diff-edge-removed diff-edge-line",
        style: { stroke: statusColour.removed, strokeDasharray: "6 4", strokeWidth: 2 },
        labelStyle: { fill: statusColour.removed, fontWeight: 600 },
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: statusColour.removed },
        selectable: false,
        zIndex: 3,
      });
    }
    return { nodes, edges: marked };
  }, [diagram, marks, edges, selected]);

  const reveal = useEffectEvent((id: string) => {
    const n = id ? diagram.nodes.find((x) => x.id === id) : undefined;
    if (!n || inView(n, flowApi.getViewport(), { ...size(), width: size().width - listWidth }, 24)) return;
    flowApi.setCenter(n.x + n.width / 2, n.y + n.height / 2, { zoom: flowApi.getZoom(), duration: 250 });
  });
  useEffect(() => reveal(selected), [selected]);

  const badged = diagram.nodes.filter((n) => marks.has(n.id));
  return (
    <div
      ref={root}
      className={`canvas present-canvas diff-canvas${distance !== "near" ? " far" : ""}${distance === "overview" ? " overview" : ""}`}
      data-testid="diff-canvas"
      data-side={side}
    >
      <ReactFlow
        key={side}
        nodes={flow.nodes}
        edges={flow.edges}
        {...readOnlyFlow}
        onNodeClick={(_, n) => n.type !== "branch" && n.type !== "marker" && onPick(n.id)}
        onPaneClick={() => onPick("")}
        onInit={fit}
      >
        <ZoomWatch root={root} onDistance={setDistance} />
        <ViewportPortal>
          {badged.map((n) => {
            const m = marks.get(n.id)!;
            return (
              <span
                key={n.id}
                className={`diff-badge diff-badge-${m.status}`}
                // Never smaller on screen than at 100%, however far out the view is.
                style={{ transform: `translate(${n.x}px, ${n.y}px) scale(max(1, calc(1 / var(--canvas-zoom, 1))))`, background: statusColour[m.status] }}
                data-testid="diff-badge"
                data-state={n.name}
                data-status={m.status}
              >
                {m.badge}
              </span>
            );
          })}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}
