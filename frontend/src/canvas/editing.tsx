// What state nodes need from the editor while they draw: which node is
// being renamed and how to finish. Passed by context so the pure toFlow
// data stays free of callbacks.
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { Handle, Position } from "@xyflow/react";
import type { DiagramEdge } from "../backend/studio";
import { stateKind } from "../states/registry";

export interface NodeEditing {
  renaming: string | null;
  startRename(id: string): void;
  /** name null: cancelled. Returns false when the name was refused. */
  finishRename(id: string, name: string | null): boolean;
  /** Folds a Parallel or Map into one box, or unfolds it (the view only). */
  toggleCollapse(id: string): void;
}

export const EditingContext = createContext<NodeEditing>({
  renaming: null,
  startRename: () => undefined,
  finishRename: () => true,
  toggleCollapse: () => undefined,
});

export function useNodeEditing() {
  return useContext(EditingContext);
}

/** What arrows need while they draw: how to start dragging a tip (null while the diagram cannot be edited). */
export const ArrowContext = createContext<((edge: DiagramEdge, e: React.PointerEvent) => void) | null>(null);

/** The arrows whose tip can be dragged to another step: every transition and the start (not the arrows to the end). */
export function movableArrow(kind: string): boolean {
  return kind !== "end";
}

/** The state's name, or a text field while it is being renamed. */
export function NameField({ id, name }: { id: string; name: string }) {
  const editing = useNodeEditing();
  if (editing.renaming !== id) {
    return (
      <div className="state-name" title={name} data-testid="state-name" onDoubleClick={(e) => (e.stopPropagation(), editing.startRename(id))}>
        {name}
      </div>
    );
  }
  // A new name from elsewhere while renaming starts the field afresh.
  return <RenameInput key={name} id={id} name={name} editing={editing} />;
}

/** The rename field: starts with the name selected; Enter or leaving it renames, Escape cancels. */
function RenameInput({ id, name, editing }: { id: string; name: string; editing: NodeEditing }) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(name);
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.select());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <input
      ref={input}
      className="state-name-input nodrag nopan"
      aria-label="Step name"
      data-testid="rename-input"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") editing.finishRename(id, value);
        if (e.key === "Escape") editing.finishRename(id, null);
      }}
      onBlur={() => editing.finishRename(id, value)}
    />
  );
}

/**
 * Connection handles, always shown, each a 22 px target: the bottom dot
 * sets Next (on a Choice: adds a rule); the right dot sets a Choice's
 * Default, or adds a Catch on states that can fail. Terminal states have
 * none.
 */
export function ConnectHandles({ type }: { type: string }) {
  const kind = stateKind(type);
  if (kind.exit === "none") return null;
  const bottom = kind.exit === "choice" ? "rule" : "next";
  const right = kind.exit === "choice" ? "default" : kind.handlesErrors ? "catch" : null;
  const titles: Record<string, string> = {
    next: "Drag to the next step",
    rule: "Drag to a step to add a rule going there",
    default: "Drag to the step taken when no rule matches (Default)",
    catch: "Drag to the step that handles errors (Catch)",
  };
  return (
    <>
      <Handle type="source" id={bottom} position={Position.Bottom} className={`connect-handle ${bottom}`} title={titles[bottom]} data-testid={`handle-${bottom}`} />
      {right && <Handle type="source" id={right} position={Position.Right} className={`connect-handle ${right}`} title={titles[right]} data-testid={`handle-${right}`} />}
    </>
  );
}
