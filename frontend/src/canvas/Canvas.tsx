import { useMemo } from "react";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type NodeMouseHandler } from "@xyflow/react";
import type { Diagram } from "../backend/studio";
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
  selected: string | null;
  onSelect: (id: string | null) => void;
}

export function Canvas({ diagram, stale, error, selected, onSelect }: Props) {
  const flow = useMemo(() => (diagram ? toFlow(diagram, selected) : { nodes: [], edges: [] }), [diagram, selected]);
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
          // A new diagram (another file) refits the view.
          key={diagram.nodes.length}
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
