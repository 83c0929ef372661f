import { useMemo } from "react";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type NodeMouseHandler } from "@xyflow/react";
import type { Diagram } from "../backend/studio";
import type { Badge } from "../frame/problems";
import { toFlow, type FlowNode } from "./toFlow";
import { BranchNode, ContainerNode, MarkerNode, StateNode } from "./nodes";
import { RoutedEdge } from "./RoutedEdge";
import { typeColor } from "./StateIcon";
import "./canvas.css";

const nodeTypes = { state: StateNode, container: ContainerNode, branch: BranchNode, marker: MarkerNode };
const edgeTypes = { routed: RoutedEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

interface Props {
  diagram: Diagram | null;
  stale: boolean;
  error: string | null;
  badges: Map<string, Badge>;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Changing it refits the view (e.g. when the canvas is resized by a view switch). */
  fitKey: string;
}

export function Canvas({ diagram, stale, error, badges, selected, onSelect, fitKey }: Props) {
  const flow = useMemo(
    () => (diagram ? toFlow(diagram, selected, badges) : { nodes: [], edges: [] }),
    [diagram, selected, badges],
  );
  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    if (node.data.node.type) onSelect(node.id);
  };

  return (
    <div className={`canvas${stale ? " stale" : ""}`} data-testid="canvas">
      {error && (
        <div className="canvas-message" role="alert" data-testid="canvas-error">
          {stale ? "The code has a problem; the diagram shows the last version that worked. " : ""}
          {error}
        </div>
      )}
      {diagram && (
        <ReactFlow
          // A new diagram (another file) or a new canvas size refits the view.
          key={`${diagram.nodes.length}:${fitKey}`}
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodeClick={onNodeClick}
          onPaneClick={() => onSelect(null)}
          nodesDraggable={false}
          nodesConnectable={false}
          fitView
          fitViewOptions={{ padding: 0.08 }}
          minZoom={0.1}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} size={1} />
          <MiniMap pannable zoomable nodeColor={(n) => typeColor((n as FlowNode).data.node.type)} />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
    </div>
  );
}
