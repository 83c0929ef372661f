import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Background,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type NodeChange,
  type OnConnectEnd,
} from "@xyflow/react";
import type { Diagram } from "../backend/studio";
import type { Badge } from "../frame/problems";
import { toFlow, type FlowEdge, type FlowNode } from "./toFlow";
import { flowKeeper } from "./stableFlow";
import { BranchNode, ContainerNode, MarkerNode, StateNode } from "./nodes";
import { RoutedEdge } from "./RoutedEdge";
import { stateKind } from "../states/registry";
import { dropTarget, type DropTarget } from "./dropTarget";
import { EditingContext, type NodeEditing } from "./editing";
import { isTyping, type Editor } from "./useEditor";
import { actionFor } from "./shortcuts";
import { SearchBox } from "./SearchBox";
import { HelpOverlay } from "./HelpOverlay";
import { paletteMime } from "./dragData";
import type { EditLock } from "./editLock";
import { LockBanner } from "./LockBanner";
import { fitViewport, inView, minimapCorner, minimapUseful, simpleBelow, type Corner } from "./viewport";
import "./canvas.css";

const nodeTypes = { state: StateNode, container: ContainerNode, branch: BranchNode, marker: MarkerNode };
const edgeTypes = { routed: RoutedEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const multiKeys = ["Shift", "Control", "Meta"];
const minimapKey = "stepstudio.minimap";

function storedMinimap(): boolean | null {
  try {
    const v = localStorage.getItem(minimapKey);
    return v === "on" ? true : v === "off" ? false : null;
  } catch {
    return null;
  }
}

/**
 * Follows the zoom without re-rendering the canvas on every frame: the
 * zoom goes to a CSS variable (simplified names are counter-scaled with
 * it), and the canvas hears only when it crosses the simplified threshold.
 */
function ZoomWatch({ target, onFar }: { target: React.RefObject<HTMLDivElement | null>; onFar: (far: boolean) => void }) {
  const zoom = useStore((s) => s.transform[2]);
  useEffect(() => {
    target.current?.style.setProperty("--canvas-zoom", String(zoom));
    onFar(zoom < simpleBelow);
  }, [zoom, target, onFar]);
  return null;
}

interface Props {
  diagram: Diagram | null;
  stale: boolean;
  error: string | null;
  badges: Map<string, Badge>;
  /** The selected states; the first is the one the inspector shows. */
  selection: string[];
  onSelection: (ids: string[]) => void;
  editor: Editor;
  /** Changing it refits the view (e.g. when the canvas is resized by a view switch). */
  fitKey: string;
  /** Set while the code cannot be drawn: the canvas is read-only and says why. */
  lock: EditLock | null;
  /** Shows the mistake the lock names in the code view. */
  onShowMistake: () => void;
}

export function Canvas(props: Props) {
  return (
    <ReactFlowProvider>
      <FlowCanvas {...props} />
    </ReactFlowProvider>
  );
}

function FlowCanvas({ diagram, stale, error, badges, selection, onSelection, editor, fitKey, lock, onShowMistake }: Props) {
  const flowApi = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  const [far, setFar] = useState(false);
  // The minimap: the person's choice, else shown only when the diagram does not fit.
  const [minimapChoice, setMinimapChoice] = useState<boolean | null>(storedMinimap);
  const [minimapAuto, setMinimapAuto] = useState(false);
  const [corner, setCorner] = useState<Corner>("bottom-right");
  const showMinimap = minimapChoice ?? minimapAuto;
  const toggleMinimap = () => {
    const next = !showMinimap;
    setMinimapChoice(next);
    try {
      localStorage.setItem(minimapKey, next ? "on" : "off");
    } catch {
      // not remembered
    }
  };
  const canvasSize = () => ({ width: box.current?.clientWidth ?? 0, height: box.current?.clientHeight ?? 0 });
  const placeMinimap = () => {
    if (!diagram) return;
    const boxes = diagram.nodes.filter((n) => n.kind !== "container" && n.kind !== "branch");
    setCorner(minimapCorner(boxes, flowApi.getViewport(), canvasSize()));
  };
  // The view on open: whole if readable, never above 100%, else from the top.
  const fitOnOpen = () => {
    if (!diagram) return;
    const size = canvasSize();
    if (!size.width || !size.height) return;
    const vp = fitViewport(diagram, size);
    flowApi.setViewport(vp);
    setMinimapAuto(minimapUseful(diagram, size, vp.zoom));
    placeMinimap();
  };
  const [dropAt, setDropAt] = useState<DropTarget | null>(null);
  const [renaming, setRenamingState] = useState<string | null>(null);
  const renamingRef = useRef<string | null>(null);
  const setRenaming = useCallback((id: string | null) => {
    renamingRef.current = id;
    setRenamingState(id);
  }, []);
  const [searching, setSearching] = useState(false);
  const [help, setHelp] = useState(false);
  const selected = useMemo(() => new Set(selection), [selection]);
  const pendingPaste = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pasted = useRef(0); // when the last paste was done
  // After an undo or a code edit some selected ids may name no state any
  // more; the verbs act on the states that exist.
  const live = useMemo(() => {
    const ids = new Set(diagram?.nodes.map((n) => n.id));
    return selection.filter((id) => ids.has(id));
  }, [selection, diagram]);

  // Unchanged boxes and arrows keep their objects: React Flow skips them.
  const [keep] = useState(() => flowKeeper<FlowNode, FlowEdge>());
  const flow = useMemo(
    () => keep(diagram ? toFlow(diagram, selected, badges, dropAt?.id ?? null) : { nodes: [], edges: [] }),
    [keep, diagram, selected, badges, dropAt],
  );
  // Another document (nothing in common with the last diagram) is shown
  // whole; edits keep the user's zoom and scroll.
  const shownIds = useRef<Set<string>>(new Set());
  useEffect(() => {
    if (!diagram) return;
    const ids = new Set(diagram.nodes.filter((n) => n.type).map((n) => n.id));
    const prev = shownIds.current;
    shownIds.current = ids;
    if (prev.size > 0 && ![...ids].some((id) => prev.has(id))) {
      requestAnimationFrame(() => fitOnOpen());
      return;
    }
    // An inserted (or pasted) step is selected: bring it into view if it is not.
    const added = selection.find((id) => ids.has(id) && !prev.has(id));
    const n = added && prev.size > 0 ? diagram.nodes.find((x) => x.id === added) : undefined;
    if (n && !inView(n, flowApi.getViewport(), canvasSize())) {
      requestAnimationFrame(() => flowApi.setCenter(n.x + n.width / 2, n.y + n.height / 2, { zoom: flowApi.getZoom(), duration: 250 }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new diagram moves the view
  }, [diagram, flowApi]);

  const isState = useCallback((id: string) => Boolean(diagram?.nodes.find((n) => n.id === id)?.type), [diagram]);

  // Clicks, Shift+clicks and box selection arrive as select changes.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      let next = [...live];
      let touched = false;
      for (const c of changes) {
        if (c.type !== "select" || !isState(c.id)) continue;
        touched = true;
        next = c.selected ? (next.includes(c.id) ? next : [...next, c.id]) : next.filter((id) => id !== c.id);
      }
      if (touched) onSelection(next);
    },
    [isState, onSelection, live],
  );

  // --- palette drops
  const targetAt = (e: DragEvent) => (diagram ? dropTarget(diagram, flowApi.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : null);
  // While locked nothing is accepted: no drop target, no drop.
  const onDragOver = (e: DragEvent) => {
    if (lock || !e.dataTransfer.types.includes(paletteMime)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    const t = targetAt(e);
    if (t?.id !== dropAt?.id) setDropAt(t);
  };
  // dragleave also fires when moving between the canvas's own children.
  const onDragLeave = (e: DragEvent) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDropAt(null);
  };
  const onDrop = (e: DragEvent) => {
    const entryId = e.dataTransfer.getData(paletteMime);
    setDropAt(null);
    if (!entryId || lock) return;
    e.preventDefault();
    const t = targetAt(e);
    if (t) editor.insert(entryId, t);
    // An empty workflow has no arrow yet: the step becomes its first.
    else if (diagram && !diagram.nodes.some((n) => n.type)) editor.insert(entryId, { kind: "container", id: "" });
    else editor.notify("Drop the step on an arrow, or inside a branch or a Map.");
  };

  // --- connections: from a handle to any part of another state
  const onConnectEnd: OnConnectEnd = (event, state) => {
    if (lock) return;
    const source = state.fromNode?.id;
    if (!source) return;
    const target = state.toNode?.id ?? nodeUnder(event);
    if (!target || target === source || !isState(target)) return;
    editor.connect(source, state.fromHandle?.id ?? null, target);
  };

  // --- keys that act on the selection (undo/redo are the editor's)
  const onKey = useEffectEvent((ev: KeyboardEvent) => {
    if (ev.defaultPrevented || isTyping(ev.target)) return;
    const a = actionFor(ev);
    const sel = live;
    // Read-only: the verbs that change the text do nothing (the banner says why).
    if (lock && (a === "delete" || a === "duplicate" || a === "paste" || a === "rename")) {
      ev.preventDefault();
      return;
    }
    switch (a) {
      case "delete":
        if (sel.length) editor.remove(sel);
        break;
      case "duplicate":
        editor.duplicate(sel);
        break;
      case "copy":
        editor.copy(sel);
        break;
      case "paste":
        // The browser's paste event brings the system clipboard (steps
        // copied in another window); where none comes, paste our own.
        clearTimeout(pendingPaste.current);
        pasted.current = 0;
        pendingPaste.current = setTimeout(() => {
          pasted.current = Date.now();
          editor.paste(sel[0] ?? null);
        }, 80);
        return; // not prevented, so the paste event can follow
      case "rename":
        if (sel.length === 1) setRenaming(sel[0]);
        break;
      case "search":
        setSearching(true);
        break;
      case "selectAll":
        onSelection(diagram?.nodes.filter((n) => n.type).map((n) => n.id) ?? []);
        break;
      case "fit":
        flowApi.fitView({ padding: 0.08, duration: 200, maxZoom: 1 });
        break;
      case "help":
        setHelp((h) => !h);
        break;
      case "escape":
        if (help || searching) {
          setHelp(false);
          setSearching(false);
        } else onSelection([]);
        break;
      default:
        return;
    }
    ev.preventDefault();
  });
  const onPaste = useEffectEvent((ev: ClipboardEvent) => {
    if (isTyping(ev.target) || lock) return;
    clearTimeout(pendingPaste.current);
    ev.preventDefault();
    // A slow event for a key press the fallback already served.
    if (Date.now() - pasted.current < 1500) return;
    pasted.current = Date.now();
    editor.paste(live[0] ?? null, ev.clipboardData?.getData("text/plain"));
  });
  useEffect(() => {
    const key = (ev: KeyboardEvent) => onKey(ev);
    const paste = (ev: ClipboardEvent) => onPaste(ev);
    window.addEventListener("keydown", key);
    window.addEventListener("paste", paste);
    return () => {
      window.removeEventListener("keydown", key);
      window.removeEventListener("paste", paste);
    };
  }, []);

  const editing = useMemo<NodeEditing>(
    () => ({
      renaming,
      startRename: (id) => {
        if (!lock) setRenaming(id);
      },
      finishRename: (id, name) => {
        // Enter then the blur of the vanishing field: finish once.
        if (renamingRef.current !== id) return true;
        renamingRef.current = null;
        setRenaming(null);
        if (name === null) return true;
        const current = diagram?.nodes.find((n) => n.id === id)?.name;
        if (name.trim() === current) return true;
        return editor.rename(id, name);
      },
    }),
    [renaming, setRenaming, diagram, editor, lock],
  );

  const reveal = (id: string) => {
    const n = diagram?.nodes.find((x) => x.id === id);
    if (!n) return;
    onSelection([id]);
    flowApi.setCenter(n.x + n.width / 2, n.y + n.height / 2, { zoom: Math.max(flowApi.getZoom(), 1), duration: 250 });
  };

  return (
    <div
      ref={box}
      className={`canvas${stale ? " stale" : ""}${lock ? " locked" : ""}${far ? " far" : ""}`}
      data-testid="canvas"
      data-far={far ? "true" : undefined}
      data-locked={lock ? "true" : undefined}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragLeave={onDragLeave}
    >
      {lock ? (
        <LockBanner lock={lock} onShow={onShowMistake} testId="canvas-error" />
      ) : (
        error && (
          <div className="canvas-message" role="alert" data-testid="canvas-error">
            {error}
          </div>
        )
      )}
      {editor.message && !error && (
        <div className="canvas-message notice" role="status" data-testid="canvas-notice">
          {editor.message}
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={editor.dismiss}>
            ×
          </button>
        </div>
      )}
      {searching && diagram && <SearchBox diagram={diagram} onPick={reveal} onClose={() => setSearching(false)} />}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {diagram && (
        <EditingContext.Provider value={editing}>
          <ReactFlow
            // A new canvas size (view switch) refits the view; edits keep it.
            key={fitKey}
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onNodesChange={onNodesChange}
            onPaneClick={() => onSelection([])}
            onConnectEnd={onConnectEnd}
            nodesDraggable={false}
            nodesConnectable={!lock}
            elementsSelectable
            multiSelectionKeyCode={multiKeys}
            selectionKeyCode="Shift"
            deleteKeyCode={null}
            // d3-zoom swallows double-clicks before React sees them; they rename.
            zoomOnDoubleClick={false}
            onInit={fitOnOpen}
            onMoveEnd={placeMinimap}
            minZoom={0.1}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={20} size={1} />
            <ZoomWatch target={box} onFar={setFar} />
            {showMinimap && (
              <MiniMap
                pannable
                zoomable
                position={corner}
                // Beside the zoom buttons, not under them.
                style={corner === "bottom-left" ? { marginLeft: 55 } : undefined}
                nodeColor={(n) => stateKind((n as FlowNode).data.node.type).colour}
                data-testid="minimap"
              />
            )}
            <Controls showInteractive={false} fitViewOptions={{ padding: 0.08, maxZoom: 1 }}>
              <ControlButton
                onClick={toggleMinimap}
                title={showMinimap ? "Hide the overview map" : "Show the overview map"}
                aria-label={showMinimap ? "Hide the overview map" : "Show the overview map"}
                aria-pressed={showMinimap}
                data-testid="toggle-minimap"
              >
                ▦
              </ControlButton>
            </Controls>
          </ReactFlow>
        </EditingContext.Provider>
      )}
      <button type="button" className="help-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelp((h) => !h)}>
        ?
      </button>
    </div>
  );
}

/** The state node under the pointer where a connection was dropped. */
function nodeUnder(event: MouseEvent | TouchEvent): string | null {
  const p = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!p) return null;
  for (const el of document.elementsFromPoint(p.clientX, p.clientY)) {
    const node = el.closest<HTMLElement>(".react-flow__node");
    const id = node?.dataset.id;
    if (id && !node.classList.contains("react-flow__node-branch")) return id;
  }
  return null;
}
