// React Flow settings for a diagram nobody edits (Present, Compare): the
// editor's own node and arrow drawings, so the picture looks as it does
// there, with every way of changing it switched off (no drag, connect,
// select, delete or double-click zoom).
import { MarkerType, type ReactFlowProps } from "@xyflow/react";
import { BranchNode, ContainerNode, MarkerNode, StateNode } from "./nodes";
import { RoutedEdge } from "./RoutedEdge";

export const readOnlyFlow = {
  nodeTypes: { state: StateNode, container: ContainerNode, branch: BranchNode, marker: MarkerNode },
  edgeTypes: { routed: RoutedEdge },
  defaultEdgeOptions: { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } },
  nodesDraggable: false,
  nodesConnectable: false,
  elementsSelectable: false,
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  zoomOnDoubleClick: false,
  minZoom: 0.1,
  maxZoom: 3,
  proOptions: { hideAttribution: true },
} satisfies Partial<ReactFlowProps>;

/** No node is selected in a read-only picture. */
export const noSelection: ReadonlySet<string> = new Set<string>();
