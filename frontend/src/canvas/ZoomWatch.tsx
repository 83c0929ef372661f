import { useEffect, type RefObject } from "react";
import { useStore } from "@xyflow/react";
import { distanceAt, type Distance } from "./viewport";

/**
 * Follows the zoom without re-rendering the canvas on every frame: the
 * zoom goes to a CSS variable (simplified names are counter-scaled with
 * it, and the connection dots are sized by it), and the canvas hears only
 * when it crosses a threshold (viewport.ts: near, far, overview). The
 * editor's canvas, Present and Compare all draw names this way.
 */
export function ZoomWatch({ root, onDistance }: { root: RefObject<HTMLDivElement | null>; onDistance: (d: Distance) => void }) {
  const zoom = useStore((s) => s.transform[2]);
  useEffect(() => {
    const style = root.current?.style;
    style?.setProperty("--canvas-zoom", String(zoom));
    // The connection dots keep a size that can be grabbed at any zoom.
    style?.setProperty("--handle", `${Math.min(40, Math.max(22, 22 / zoom))}px`);
    onDistance(distanceAt(zoom));
  }, [zoom, root, onDistance]);
  return null;
}
