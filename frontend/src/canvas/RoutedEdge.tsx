import { useContext } from "react";
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { routePath, type FlowEdge } from "./toFlow";
import { useEdgeTaken } from "../run/overlayContext";
import { ArrowContext, movableArrow } from "./editing";
import { useCoverageClass } from "../tests/coverageContext";

/**
 * Draws an edge along the route Graphviz computed, with its label, and a
 * grip on its tip to drag it onto another step.
 */
export function RoutedEdge({ id, data, markerEnd }: EdgeProps<FlowEdge>) {
  const taken = useEdgeTaken(data?.edge.source ?? "", data?.edge.target ?? "", data?.edge.kind ?? "");
  const grab = useContext(ArrowContext);
  const coverage = useCoverageClass(id, "edge");
  if (!data) return null;
  const e = data.edge;
  const label = e.route.label;
  const pts = e.route.points ?? [];
  const tip = e.route.end ?? pts[pts.length - 1];
  return (
    <>
      {/* No wide invisible hit path: edges are not clicked, and hit-testing
          hundreds of curves on every pointer move is costly. */}
      <BaseEdge id={id} path={routePath(e.route)} markerEnd={markerEnd} className={`edge-${e.kind}${taken ? " run-taken" : ""}${coverage}`} interactionWidth={0} />
      {e.label && label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label-${e.kind}`}
            // The whole condition on hover when the label is shortened.
            title={e.full || e.label}
            style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
          >
            {e.label}
          </div>
        </EdgeLabelRenderer>
      )}
      {grab && tip && movableArrow(e.kind) && (
        <EdgeLabelRenderer>
          <div
            className="edge-grip nodrag nopan"
            data-testid="edge-grip"
            data-edge={e.id}
            title="Drag the tip of this arrow onto another step"
            style={{ transform: `translate(-50%, -50%) translate(${tip.x}px, ${tip.y}px)` }}
            onPointerDown={(ev) => grab(e, ev)}
          />
        </EdgeLabelRenderer>
      )}
    </>
  );
}
