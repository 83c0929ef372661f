import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { ReactFlow, ReactFlowProvider, ViewportPortal, useReactFlow } from "@xyflow/react";
import type { Diagram } from "../backend/studio";
import { toFlow } from "../canvas/toFlow";
import { noSelection, readOnlyFlow } from "../canvas/readOnlyFlow";
import { ZoomWatch } from "../canvas/ZoomWatch";
import { inView, type Distance } from "../canvas/viewport";
import { presentViewport } from "./view";

/** The step cards' column on the right (present.css: width + margin). */
const cardsWidth = 376;

interface Props {
  diagram: Diagram;
  /** The node of the step being played, lit. */
  current: string | null;
  /** The node whose card is open. */
  picked: string | null;
  onPick: (id: string | null) => void;
  /** Open comment threads per node id: a marker on the step. */
  comments: Map<string, number>;
}

export function PresentCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}

function Flow({ diagram, current, picked, onPick, comments }: Props) {
  const flowApi = useReactFlow();
  const root = useRef<HTMLDivElement>(null);
  const [distance, setDistance] = useState<Distance>("near");
  const size = () => ({ width: root.current?.clientWidth ?? 0, height: root.current?.clientHeight ?? 0 });
  const fit = () => {
    const s = size();
    if (s.width && s.height) flowApi.setViewport(presentViewport(diagram, s, cardsWidth));
  };
  const flow = useMemo(() => {
    const f = toFlow(diagram, noSelection);
    const nodes = f.nodes.map((n) => ({
      ...n,
      className: [n.id === current ? "present-current" : "", n.id === picked ? "present-picked" : ""].filter(Boolean).join(" ") || undefined,
      selectable: false,
      connectable: false,
    }));
    return { nodes, edges: f.edges };
  }, [diagram, current, picked]);

  // The step being played, or the one whose card opened (from its comment
  // marker, say), is brought into view, keeping the zoom.
  const reveal = useEffectEvent((id: string | null) => {
    const n = id ? diagram.nodes.find((x) => x.id === id) : undefined;
    if (!n || inView(n, flowApi.getViewport(), size(), 24)) return;
    flowApi.setCenter(n.x + n.width / 2, n.y + n.height / 2, { zoom: flowApi.getZoom(), duration: 250 });
  });
  useEffect(() => reveal(current), [current]);
  useEffect(() => reveal(picked), [picked]);

  const markers = diagram.nodes.filter((n) => comments.get(n.id));
  return (
    <div
      ref={root}
      className={`canvas present-canvas${distance !== "near" ? " far" : ""}${distance === "overview" ? " overview" : ""}`}
      data-testid="present-canvas"
      data-distance={distance}
    >
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        {...readOnlyFlow}
        onNodeClick={(_, n) => onPick(n.type === "branch" || n.type === "marker" ? null : n.id)}
        onPaneClick={() => onPick(null)}
        onInit={fit}
      >
        <ZoomWatch root={root} onDistance={setDistance} />
        <ViewportPortal>
          {markers.map((n) => (
            <button
              key={n.id}
              type="button"
              className="present-comment-marker nopan nodrag"
              // Never smaller on screen than at 100%, however far out the view is.
              style={{ transform: `translate(${n.x + n.width}px, ${n.y}px) scale(max(1, calc(1 / var(--canvas-zoom, 1))))` }}
              title={`${comments.get(n.id)} open comment${comments.get(n.id) === 1 ? "" : "s"}`}
              aria-label={`Comments on ${n.name}`}
              data-testid="present-comment-marker"
              data-state={n.name}
              onClick={(e) => {
                // Not also a click on the background (which closes the card).
                e.stopPropagation();
                onPick(n.id);
              }}
            >
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden>
                {/* A speech bubble: drawn, since not every system has an emoji font. */}
                <path d="M2 3h12v8H7l-3 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
              </svg>{" "}
              {comments.get(n.id)}
            </button>
          ))}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}
