import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { FlowNode } from "./toFlow";
import { StateIcon } from "./StateIcon";
import { stateKind } from "../states/registry";
import type { Badge } from "../frame/problems";
import { ConnectHandles, NameField } from "./editing";
import { RunMarks } from "../run/RunMarks";

function ProblemBadge({ badge }: { badge?: Badge }) {
  if (!badge) return null;
  const error = badge.errors > 0;
  const n = error ? badge.errors : badge.warnings;
  const what = error ? "error" : "warning";
  return (
    <span className={`badge problem-badge ${what}`} title={`${n} ${what}${n > 1 ? "s" : ""}`} data-testid={`badge-${what}`}>
      {error ? "!" : "⚠"} {n}
    </span>
  );
}

// Edges are drawn from Go's routes, but React Flow still needs a handle
// at each end of every edge; these stay invisible.
function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} className="hidden-handle" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className="hidden-handle" isConnectable={false} />
    </>
  );
}

export function StateNode({ data, selected }: NodeProps<FlowNode>) {
  const badge = data.badge;
  const n = data.node;
  return (
    <div
      className={`state-node${selected ? " selected" : ""}${n.comment ? " with-comment" : ""}${data.dropTarget ? " drop-target" : ""}`}
      style={{ borderLeftColor: stateKind(n.type).colour }}
      data-testid="state-node"
      data-state={n.name}
      data-type={n.type}
      title={n.comment || undefined}
    >
      <Handles />
      <ConnectHandles type={n.type} />
      <StateIcon type={n.type} />
      <div className="state-text">
        <NameField id={n.id} name={n.name} />
        <div className="state-sub">{n.resource || n.type}</div>
        {n.comment && <div className="state-comment">{n.comment}</div>}
      </div>
      {n.retries ? (
        <span className="badge retry" title={`${n.retries} retry rule${n.retries > 1 ? "s" : ""}`}>
          ↻ {n.retries}
        </span>
      ) : null}
      <ProblemBadge badge={badge} />
      <RunMarks name={n.name} />
    </div>
  );
}

export function ContainerNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  return (
    <div
      className={`container-node${selected ? " selected" : ""}${data.dropTarget ? " drop-target" : ""}`}
      style={{ borderColor: stateKind(n.type).colour }}
      data-testid="state-node"
      data-state={n.name}
      data-type={n.type}
    >
      <Handles />
      <ConnectHandles type={n.type} />
      <div className="container-head">
        <StateIcon type={n.type} />
        <NameField id={n.id} name={n.name} />
        <span className="state-sub">{n.type}</span>
        {n.retries ? <span className="badge retry">↻ {n.retries}</span> : null}
        <ProblemBadge badge={data.badge} />
      </div>
      <RunMarks name={n.name} isMap={n.type === "Map"} />
    </div>
  );
}

export function BranchNode({ data }: NodeProps<FlowNode>) {
  return <div className={`branch-node${data.dropTarget ? " drop-target" : ""}`} />;
}

export function MarkerNode({ data }: NodeProps<FlowNode>) {
  const kind = data.node.kind;
  return (
    <div className={`marker ${kind}`} data-testid={`marker-${kind}`} title={kind === "start" ? "Start" : "End"}>
      <Handles />
    </div>
  );
}
