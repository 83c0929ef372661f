import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent, type ReactNode } from "react";
import {
  Background,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
  type OnConnectEnd,
} from "@xyflow/react";
import type { Diagram, DiagramEdge } from "../backend/studio";
import type { Badge } from "../frame/problems";
import { toFlow, type FlowEdge, type FlowNode } from "./toFlow";
import { flowKeeper } from "./stableFlow";
import { BranchNode, ContainerNode, MarkerNode, StateNode } from "./nodes";
import { RoutedEdge } from "./RoutedEdge";
import { stateKind } from "../states/registry";
import { dropTarget, dropWords, type DropTarget } from "./dropTarget";
import { ArrowContext, EditingContext, type NodeEditing } from "./editing";
import { inDialog, isTyping, type Editor } from "./useEditor";
import { useArrowDrag, type ArrowDrag } from "./useArrowDrag";
import { ContextMenu, type MenuItem } from "./ContextMenu";
import { StepPicker } from "./StepPicker";
import { actionFor } from "./shortcuts";
import { SearchBox } from "./SearchBox";
import { HelpOverlay } from "./HelpOverlay";
import { paletteMime } from "./dragData";
import type { EditLock } from "./editLock";
import { draggedEdges, type Pins } from "./arrange";
import type { Arrange } from "./useArrange";
import { LockBanner } from "./LockBanner";
import { ZoomWatch } from "./ZoomWatch";
import { fitMaxZoom, fitViewport, inView, minimapCorner, minimapUseful, type Corner, type Distance } from "./viewport";
import "./canvas.css";

const nodeTypes = { state: StateNode, container: ContainerNode, branch: BranchNode, marker: MarkerNode };
const edgeTypes = { routed: RoutedEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const multiKeys = ["Shift", "Control", "Meta"];
/** Fitting the view never blows a small workflow up past 100% (viewport.ts). */
const fitOptions = { padding: 0.08, maxZoom: fitMaxZoom };
const minimapKey = "stepstudio.minimap";
const noMoves: ReadonlyMap<string, { x: number; y: number }> = new Map();

function storedMinimap(): boolean | null {
  try {
    const v = localStorage.getItem(minimapKey);
    return v === "on" ? true : v === "off" ? false : null;
  } catch {
    return null;
  }
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
  /** Folds or unfolds a Parallel or Map (the picture only). */
  onToggleCollapse: (id: string) => void;
  /** Steps placed by hand; null while they cannot be moved (locked, a run playing). */
  arrange: Arrange | null;
  /** The names of the states placed by hand (marked even while they cannot be moved). */
  pinned: ReadonlySet<string>;
  /** Starts a comment on a state (by name; "" for the workflow). */
  onComment?: (state: string) => void;
  /** Drawn over the canvas's top-left corner (the workflow's comment marker). */
  overlay?: ReactNode;
  /** Opens Test this state on a state (by name). */
  onTestState?: (state: string) => void;
}

export function Canvas(props: Props) {
  return (
    <ReactFlowProvider>
      <FlowCanvas {...props} />
    </ReactFlowProvider>
  );
}

/** An open right-click menu: on a step (node) or the background, at a point of the canvas. */
interface Menu {
  at: { x: number; y: number };
  /** Where a step added from it goes. */
  place: DropTarget;
  node: { id: string; type: string; name: string; ids: string[] } | null;
  /** The step picker is shown in it (Add step after… / here…). */
  picking: boolean;
}

function FlowCanvas({ diagram, stale, error, badges, selection, onSelection, editor, fitKey, lock, onShowMistake, onToggleCollapse, arrange, pinned, onComment, overlay, onTestState }: Props) {
  const flowApi = useReactFlow();
  const root = useRef<HTMLDivElement>(null);
  const [distance, setDistance] = useState<Distance>("near");
  const far = distance !== "near";
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
  const canvasSize = () => ({ width: root.current?.clientWidth ?? 0, height: root.current?.clientHeight ?? 0 });
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
  const [hintAt, setHintAt] = useState<{ x: number; y: number } | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
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

  // A step selected out of view (one just added below the fold) is
  // scrolled into it, keeping the zoom.
  const only = live.length === 1 ? live[0] : null;
  useEffect(() => {
    const n = only ? diagram?.nodes.find((x) => x.id === only) : undefined;
    const el = root.current;
    if (!n || !el) return;
    const r = el.getBoundingClientRect();
    const a = flowApi.flowToScreenPosition({ x: n.x, y: n.y });
    const b = flowApi.flowToScreenPosition({ x: n.x + n.width, y: n.y + n.height });
    if (a.x >= r.left && a.y >= r.top && b.x <= r.right && b.y <= r.bottom) return;
    flowApi.setCenter(n.x + n.width / 2, n.y + n.height / 2, { zoom: flowApi.getZoom(), duration: 200 });
  }, [only, diagram, flowApi]);

  const isState = useCallback((id: string) => Boolean(diagram?.nodes.find((n) => n.id === id)?.type), [diagram]);
  const stepAt = useCallback((e: MouseEvent) => {
    const id = nodeUnder(e);
    return id && isState(id) ? id : null;
  }, [isState]);
  const tail = useCallback((edge: DiagramEdge) => flowApi.flowToScreenPosition(edge.route.points?.[0] ?? { x: 0, y: 0 }), [flowApi]);
  const arrows = useArrowDrag(root, stepAt, (edge, target) => editor.retarget(edge.id, target), tail);

  // The box or arrow a drop (or an arrow's tip) would go to is marked.
  const highlight = arrows.drag?.over ?? (dropAt && dropAt.kind !== "free" ? dropAt.id : null);
  // Unchanged boxes and arrows keep their objects: React Flow skips them.
  const [keep] = useState(() => flowKeeper<FlowNode, FlowEdge>());
  // A workflow with no steps draws nothing (not a lone start marker): the
  // canvas says what to do instead.
  const empty = diagram !== null && !diagram.nodes.some((n) => n.type);
  const canMove = Boolean(arrange) && !stale && !lock;
  const kept = useMemo(
    () => keep(diagram && !empty ? toFlow(diagram, selected, badges, highlight, { pinned, draggable: canMove }) : { nodes: [], edges: [] }),
    [keep, diagram, empty, selected, badges, highlight, pinned, canMove],
  );
  // A box being dragged (or just dropped, until the layout with its pin
  // arrives) is drawn where the pointer put it, its arrows provisionally.
  // Kept with the diagram it was made on: a new layout ends it.
  const [drag, setDrag] = useState<{ on: Diagram | null; at: ReadonlyMap<string, { x: number; y: number }> }>({ on: null, at: new Map() });
  const moved = drag.on === diagram ? drag.at : noMoves;
  const setMoved = useCallback(
    (f: (m: ReadonlyMap<string, { x: number; y: number }>) => ReadonlyMap<string, { x: number; y: number }>) =>
      setDrag((d) => ({ on: diagram, at: f(d.on === diagram ? d.at : noMoves) })),
    [diagram],
  );
  const flow = useMemo(() => {
    if (!moved.size || !diagram) return kept;
    const routes = draggedEdges(diagram, moved);
    return {
      nodes: kept.nodes.map((f) => {
        const p = moved.get(f.id);
        return p ? { ...f, position: p } : f;
      }),
      edges: kept.edges.map((f) => {
        const r = routes.get(f.id);
        return r && f.data ? { ...f, data: { edge: { ...f.data.edge, route: r } } } : f;
      }),
    };
  }, [kept, moved, diagram]);
  // Dropped: the moved steps are pinned where they were put (one undo step).
  const onNodeDragStop = (_: unknown, _node: FlowNode, dragged: FlowNode[]) => {
    // Pins are in diagram coordinates before the shift Go made for pins left of or above the picture.
    const shift = diagram?.shift ?? { x: 0, y: 0 };
    const to: Pins = {};
    for (const f of dragged) {
      const n = f.data.node;
      if (Math.abs(f.position.x - n.x) >= 1 || Math.abs(f.position.y - n.y) >= 1) to[n.name] = { x: f.position.x - shift.x, y: f.position.y - shift.y };
    }
    if (!arrange || !Object.keys(to).length) return setMoved(() => noMoves);
    void arrange.move(to).then((ok) => {
      if (!ok) setMoved(() => noMoves);
    });
  };
  // Another document (nothing in common with the last diagram) is shown
  // whole; edits keep the user's zoom and scroll.
  const shownIds = useRef<Set<string>>(new Set());
  const showNewDiagram = useEffectEvent((diagram: Diagram) => {
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
  });
  // Only a new diagram moves the view (not a new selection or size).
  useEffect(() => {
    if (diagram) showNewDiagram(diagram);
  }, [diagram]);

  // Clicks, Shift+clicks and box selection arrive as select changes.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      let next = [...live];
      let touched = false;
      for (const c of changes) {
        if (c.type === "position" && c.dragging && c.position) {
          const { x, y } = c.position;
          setMoved((m) => new Map(m).set(c.id, { x, y }));
          continue;
        }
        if (c.type !== "select" || !isState(c.id)) continue;
        touched = true;
        next = c.selected ? (next.includes(c.id) ? next : [...next, c.id]) : next.filter((id) => id !== c.id);
      }
      if (touched) onSelection(next);
    },
    [isState, onSelection, live, setMoved],
  );

  // --- palette drops: anywhere; where the step goes is shown as it moves
  const local = (e: { clientX: number; clientY: number }) => {
    const r = root.current?.getBoundingClientRect();
    return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) };
  };
  const targetAt = (e: { clientX: number; clientY: number }): DropTarget =>
    diagram ? dropTarget(diagram, flowApi.screenToFlowPosition({ x: e.clientX, y: e.clientY }), { selected: live.length === 1 ? live[0] : null }) : { kind: "free" };
  // While locked nothing is accepted: no drop target, no drop.
  const onDragOver = (e: DragEvent) => {
    if (lock || !e.dataTransfer.types.includes(paletteMime)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    const t = targetAt(e);
    if (JSON.stringify(t) !== JSON.stringify(dropAt)) setDropAt(t);
    setHintAt(local(e));
  };
  // dragleave also fires when moving between the canvas's own children.
  const onDragLeave = (e: DragEvent) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) {
      setDropAt(null);
      setHintAt(null);
    }
  };
  const onDrop = (e: DragEvent) => {
    const entryId = e.dataTransfer.getData(paletteMime);
    setDropAt(null);
    setHintAt(null);
    if (!entryId || lock) return;
    e.preventDefault();
    editor.insert(entryId, targetAt(e));
  };

  // --- right-click menus
  const nodeMenu = (e: ReactMouseEvent, id: string) => {
    const n = diagram?.nodes.find((x) => x.id === id);
    if (!n?.type) return paneMenu(e);
    e.preventDefault();
    if (lock) return; // read-only: the banner says why
    const ids = selected.has(id) ? live : [id];
    if (!selected.has(id)) onSelection([id]);
    setMenu({ at: local(e), place: { kind: "after", id }, node: { id, type: n.type, name: n.name, ids }, picking: false });
  };
  const paneMenu = (e: ReactMouseEvent | MouseEvent) => {
    e.preventDefault();
    if (lock) return;
    setMenu({ at: local(e), place: targetAt(e), node: null, picking: false });
  };
  const closeMenu = useCallback(() => setMenu(null), []);
  const menuItems = (m: Menu): MenuItem[] => {
    const pick = () => setMenu({ ...m, picking: true });
    if (!m.node) {
      return [
        { label: "Add step here…", testId: "ctx-add-here", keepOpen: true, run: pick },
        { label: "Paste", shortcut: "Ctrl+V", testId: "ctx-paste", disabled: !editor.canPaste, run: () => editor.paste(null) },
        { label: "Zoom to fit", shortcut: "Shift+1", testId: "ctx-fit", run: () => flowApi.fitView({ ...fitOptions, duration: 200 }) },
        ...(arrange && pinned.size ? [{ label: "Tidy up (let the layout place every step)", testId: "ctx-tidy", run: arrange.tidy }] : []),
        ...(onComment ? [{ label: "Add comment on the workflow", testId: "ctx-comment", run: () => onComment("") }] : []),
      ];
    }
    const { id, type, ids, name } = m.node;
    return [
      { label: "Rename", shortcut: "F2", testId: "ctx-rename", run: () => setRenaming(id) },
      ...(onComment ? [{ label: "Add comment", shortcut: "Ctrl+Shift+M", testId: "ctx-comment", run: () => onComment(name) }] : []),
      ...(onTestState && ids.length === 1 ? [{ label: "Test this state…", testId: "ctx-test-state", run: () => onTestState(name) }] : []),
      { label: "Add step after…", testId: "ctx-add-after", keepOpen: true, disabled: stateKind(type).exit !== "next", run: pick },
      { label: ids.length > 1 ? `Duplicate ${ids.length} steps` : "Duplicate", shortcut: "Ctrl+D", testId: "ctx-duplicate", run: () => editor.duplicate(ids) },
      { label: ids.length > 1 ? `Delete ${ids.length} steps` : "Delete", shortcut: "Delete", testId: "ctx-delete", run: () => editor.remove(ids) },
      { label: "Set as start", testId: "ctx-set-start", disabled: editor.isStart(id), run: () => editor.setStart(id) },
      ...(arrange && pinned.has(m.node.name) ? [{ label: "Unpin (let the layout place it)", testId: "ctx-unpin", run: () => arrange.unpin(m.node?.name ?? "") }] : []),
    ];
  };
  const pickStep = (m: Menu, entryId: string) => {
    setMenu(null);
    if (m.node) editor.insertAfter(entryId, m.node.id);
    else editor.insert(entryId, m.place);
  };
  const firstStep = () => {
    const r = root.current?.getBoundingClientRect();
    setMenu({ at: { x: (r?.width ?? 600) / 2 - 160, y: (r?.height ?? 400) / 2 + 40 }, place: { kind: "free" }, node: null, picking: true });
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
    if (ev.defaultPrevented || isTyping(ev.target) || inDialog(ev.target)) return;
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
        flowApi.fitView({ ...fitOptions, duration: 200 });
        break;
      case "help":
        setHelp((h) => !h);
        break;
      case "comment": {
        // Comments never change the text: allowed while the canvas is locked.
        if (!onComment) return;
        const n = sel.length === 1 ? diagram?.nodes.find((x) => x.id === sel[0]) : undefined;
        onComment(n?.type ? n.name : "");
        break;
      }
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
      toggleCollapse: onToggleCollapse,
    }),
    [renaming, setRenaming, diagram, editor, lock, onToggleCollapse],
  );

  const reveal = (id: string) => {
    const n = diagram?.nodes.find((x) => x.id === id);
    if (!n) return;
    onSelection([id]);
    flowApi.setCenter(n.x + n.width / 2, n.y + n.height / 2, { zoom: Math.max(flowApi.getZoom(), 1), duration: 250 });
  };

  return (
    <div
      ref={root}
      className={`canvas${stale ? " stale" : ""}${lock ? " locked" : ""}${far ? " far" : ""}${distance === "overview" ? " overview" : ""}`}
      data-testid="canvas"
      data-distance={distance}
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
      {!empty && overlay}
      {searching && diagram && <SearchBox diagram={diagram} onPick={reveal} onClose={() => setSearching(false)} />}
      {empty && !error && !lock && (
        <div className="canvas-empty" data-testid="canvas-empty">
          <h2>This workflow has no steps yet</h2>
          <p>Drag a step from the list on the left and drop it here.</p>
          <p className="canvas-empty-more">
            Or{" "}
            <button type="button" className="btn primary" data-testid="canvas-first-step" onClick={firstStep}>
              Choose a first step
            </button>
          </p>
        </div>
      )}
      {dropAt && hintAt && diagram && (
        <div className="drop-hint" data-testid="drop-hint" style={{ left: hintAt.x + 16, top: hintAt.y + 16 }}>
          {dropWords(diagram, dropAt)}
        </div>
      )}
      {arrows.drag && diagram && <ArrowGhost diagram={diagram} drag={arrows.drag} />}
      {menu && (
        <ContextMenu at={menu.at} label={menu.node ? `Step ${menu.node.name}` : "Canvas"} items={menuItems(menu)} onClose={closeMenu}>
          {menu.picking && diagram ? (
            <StepPicker
              title={menu.node ? `Add a step after “${menu.node.name}”` : dropWords(diagram, menu.place)}
              onPick={(id) => pickStep(menu, id)}
              onClose={closeMenu}
            />
          ) : undefined}
        </ContextMenu>
      )}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {diagram && (
        <EditingContext.Provider value={editing}>
        <ArrowContext.Provider value={stale || lock ? null : arrows.grab}>
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
            onNodeContextMenu={(e, n) => nodeMenu(e, n.id)}
            onPaneContextMenu={paneMenu}
            onConnectEnd={onConnectEnd}
            nodesDraggable={canMove}
            // A click that wobbles a pixel selects; it does not move the step.
            nodeDragThreshold={4}
            onNodeDragStop={onNodeDragStop}
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
            <ZoomWatch root={root} onDistance={setDistance} />
            {!empty && showMinimap && (
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
            <Controls showInteractive={false} fitViewOptions={fitOptions}>
              <ControlButton
                onClick={toggleMinimap}
                title={showMinimap ? "Hide the overview map" : "Show the overview map"}
                aria-label={showMinimap ? "Hide the overview map" : "Show the overview map"}
                aria-pressed={showMinimap}
                data-testid="toggle-minimap"
              >
                ▦
              </ControlButton>
              {arrange && pinned.size > 0 && (
                <ControlButton
                  onClick={arrange.tidy}
                  title="Tidy up: let the layout place every step again (Ctrl+Z undoes it)"
                  aria-label="Tidy up: let the layout place every step again"
                  data-testid="tidy-up"
                >
                  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden>
                    <path d="M5 1h6v4H5zM5 11h6v4H5zM7.5 5h1v6h-1z" fill="currentColor" />
                  </svg>
                </ControlButton>
              )}
            </Controls>
          </ReactFlow>
        </ArrowContext.Provider>
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

/**
 * Keeps the connection dots a target of at least 20 px on screen while
 * zooming out (down to zoom 0.5): their size in diagram pixels grows as
 * the zoom shrinks, up to 40.
 */
/** The arrow being moved: a line from where it leaves its step to the pointer. */
function ArrowGhost({ diagram, drag }: { diagram: Diagram; drag: ArrowDrag }) {
  const over = drag.over ? diagram.nodes.find((n) => n.id === drag.over) : null;
  return (
    <>
      <svg className="arrow-ghost" aria-hidden>
        <line x1={drag.from.x} y1={drag.from.y} x2={drag.to.x} y2={drag.to.y} />
      </svg>
      <div className="drop-hint" data-testid="arrow-hint" style={{ left: drag.to.x + 16, top: drag.to.y + 16 }}>
        {over ? `Go to “${over.name}” instead` : "Drop on a step"}
      </div>
    </>
  );
}
