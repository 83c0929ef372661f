import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { FlowNode } from "./toFlow";
import { StateIcon } from "./StateIcon";
import { stateKind } from "../states/registry";
import type { Badge } from "../frame/problems";
import { ConnectHandles, NameField, useNodeEditing } from "./editing";
import { RunMarks } from "../run/RunMarks";
import { CommentMarker } from "../notes/CommentMarker";
import { useComments, useDescription } from "../notes/comments";
import { useCoverageClass } from "../tests/coverageContext";

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

/** Folds a Parallel or Map into one box, or unfolds it: the picture only, never the text. */
function FoldButton({ id, folded, inner }: { id: string; folded: boolean; inner?: number }) {
  const editing = useNodeEditing();
  const what = folded ? `Unfold: show the ${inner ?? ""} steps inside` : "Fold into one box";
  return (
    <button
      type="button"
      className="fold-button nodrag nopan"
      aria-label={what}
      aria-expanded={!folded}
      title={what}
      data-testid="fold-button"
      onClick={(e) => {
        e.stopPropagation();
        editing.toggleCollapse(id);
      }}
    >
      {folded ? "▸" : "▾"}
    </button>
  );
}

/**
 * Retries, Distributed and problems sit on the box's top edge, not in its
 * row, so they never squeeze the name.
 */
function NodeBadges({ n, badge }: { n: FlowNode["data"]["node"]; badge?: Badge }) {
  const comments = useComments()?.counts.has(n.name);
  if (!n.retries && !n.distributed && !badge && !comments) return null;
  return (
    <div className="node-badges">
      {n.distributed && (
        <span className="badge distributed" title="Distributed Map: each item runs as its own child workflow" data-testid="badge-distributed">
          Distributed
        </span>
      )}
      {n.retries ? (
        <span className="badge retry" title={`${n.retries} retry rule${n.retries > 1 ? "s" : ""}`}>
          ↻ {n.retries}
        </span>
      ) : null}
      <ProblemBadge badge={badge} />
      <CommentMarker state={n.name} />
    </div>
  );
}

/** Marks a step placed by hand (kept in the notes file beside the workflow). */
function PinMark() {
  return (
    <span className="pin-mark" title="Placed by hand — right-click › Let the layout place it" aria-label="Placed by hand" data-testid="pin-mark">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden>
        <path d="M5 1h6l-1 5 3 3H9l-1 6-1-6H3l3-3z" fill="currentColor" />
      </svg>
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
  // The description for readers (the notes', else the ASL Comment), in full on hover.
  const description = useDescription(n.name, n.comment);
  const coverage = useCoverageClass(n.id, "node");
  return (
    <div
      className={`state-node${selected ? " selected" : ""}${n.comment ? " with-comment" : ""}${data.dropTarget ? " drop-target" : ""}${coverage}`}
      style={{ borderLeftColor: stateKind(n.type).colour }}
      data-testid="state-node"
      data-state={n.name}
      data-type={n.type}
      // The whole name (and what it does) on hover, however it is cut.
      title={[n.name, n.resource || n.type, description].filter(Boolean).join("\n")}
    >
      <Handles />
      <ConnectHandles type={n.type} />
      {n.collapsed ? <FoldButton id={n.id} folded inner={n.inner} /> : <StateIcon type={n.type} />}
      <div className="state-text">
        <NameField id={n.id} name={n.name} />
        <div className="state-sub">{n.collapsed ? `${n.type} · ${n.inner} steps inside` : n.resource || n.type}</div>
        {n.comment && <div className="state-comment">{description}</div>}
      </div>
      <NodeBadges n={n} badge={badge} />
      {data.pinned && <PinMark />}
      <RunMarks name={n.name} />
    </div>
  );
}

export function ContainerNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const description = useDescription(n.name, n.comment);
  const coverage = useCoverageClass(n.id, "node");
  return (
    <div
      className={`container-node${selected ? " selected" : ""}${data.dropTarget ? " drop-target" : ""}${coverage}`}
      style={{ borderColor: stateKind(n.type).colour }}
      data-testid="state-node"
      data-state={n.name}
      data-type={n.type}
    >
      <Handles />
      <ConnectHandles type={n.type} />
      <div className="container-head" title={`${n.name}\n${n.distributed ? "Distributed Map" : n.type}${description ? `\n${description}` : ""}`}>
        <FoldButton id={n.id} folded={false} />
        <StateIcon type={n.type} />
        <NameField id={n.id} name={n.name} />
        <span className="state-sub">{n.type}</span>
      </div>
      <NodeBadges n={n} badge={data.badge} />
      {data.pinned && <PinMark />}
      <RunMarks name={n.name} isMap={n.type === "Map"} />
    </div>
  );
}

export function BranchNode({ data }: NodeProps<FlowNode>) {
  const coverage = useCoverageClass(data.node.id, "node");
  return <div className={`branch-node${data.dropTarget ? " drop-target" : ""}${coverage}`} />;
}

export function MarkerNode({ data }: NodeProps<FlowNode>) {
  const kind = data.node.kind;
  return (
    <div className={`marker ${kind}`} data-testid={`marker-${kind}`} title={kind === "start" ? "Start" : "End"}>
      <Handles />
    </div>
  );
}
