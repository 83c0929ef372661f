// Dragging the tip of an arrow onto another step points the arrow there
// (React Flow's own reconnect anchors sit on the handles, not on the tips
// of the routes Graphviz draws, so the tips get grips of their own; see
// RoutedEdge). While the pointer moves, a line follows it from where the
// arrow leaves its step, and the step under the pointer is marked.
import { useCallback, useEffect, useEffectEvent, useState, type RefObject } from "react";
import type { DiagramEdge } from "../backend/studio";

type Point = { x: number; y: number };

export interface ArrowDrag {
  edge: DiagramEdge;
  /** Where the arrow leaves its step, relative to the canvas. */
  from: Point;
  /** The pointer, relative to the canvas. */
  to: Point;
  /** The step under the pointer that the arrow would go to. */
  over: string | null;
}

export function useArrowDrag(
  root: RefObject<HTMLElement | null>,
  /** The step under a pointer event, if any. */
  stepAt: (e: MouseEvent) => string | null,
  onDrop: (edge: DiagramEdge, target: string) => void,
  /** Where an arrow leaves its step, on the screen. */
  tail: (edge: DiagramEdge) => Point,
) {
  const [drag, setDrag] = useState<ArrowDrag | null>(null);
  const local = useCallback(
    (e: { clientX: number; clientY: number }): Point => {
      const r = root.current?.getBoundingClientRect();
      return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) };
    },
    [root],
  );

  const moved = useEffectEvent((e: PointerEvent) => {
    setDrag((d) => {
      if (!d) return d;
      const over = stepAt(e);
      return { ...d, to: local(e), over: over && over !== d.edge.target ? over : null };
    });
  });
  const released = useEffectEvent((e: PointerEvent) => {
    const d = drag;
    setDrag(null);
    const target = stepAt(e);
    if (d && target && target !== d.edge.target) onDrop(d.edge, target);
  });

  const active = drag?.edge.id ?? null;
  useEffect(() => {
    if (!active) return;
    const move = (e: PointerEvent) => moved(e);
    const up = (e: PointerEvent) => released(e);
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      setDrag(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("keydown", key, true);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("keydown", key, true);
    };
  }, [active]);

  const grab = useCallback(
    (edge: DiagramEdge, e: React.PointerEvent) => {
      if (e.button !== 0) return;
      e.preventDefault();
      e.stopPropagation();
      setDrag({ edge, from: local({ clientX: tail(edge).x, clientY: tail(edge).y }), to: local(e), over: null });
    },
    [local, tail],
  );

  return { drag, grab };
}
