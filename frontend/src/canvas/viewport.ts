// How the canvas chooses its view: pure functions of the diagram's size and
// the canvas's, so they can be tested without a browser.

/** Below this zoom the 13px names would read under 11px: nodes draw simplified. */
export const simpleBelow = 0.85;
/** Below this the boxes are smaller than their names: only names and errors are drawn. */
export const overviewBelow = 0.35;

export type Distance = "near" | "far" | "overview";

export function distanceAt(zoom: number): Distance {
  return zoom < overviewBelow ? "overview" : zoom < simpleBelow ? "far" : "near";
}
/** On-screen size of a simplified node's name (px), whatever the zoom. */
export const simpleNamePx = 11.5; // canvas.css uses the same number
/** Zoom limits of the fit on open: small workflows are not blown up, large ones not shrunk to dots. */
export const fitMaxZoom = 1;
export const fitMinZoom = 0.45;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view of a diagram on open: all of it when that is readable, centred;
 * else at the smallest readable zoom, from the top (where the start is) and
 * centred across, or from the left when it is wider than the canvas.
 */
export function fitViewport(diagram: { width: number; height: number }, canvas: { width: number; height: number }, pad = 24): Viewport {
  const w = Math.max(1, canvas.width - 2 * pad);
  const h = Math.max(1, canvas.height - 2 * pad);
  const whole = Math.min(w / Math.max(1, diagram.width), h / Math.max(1, diagram.height));
  const zoom = Math.min(fitMaxZoom, Math.max(fitMinZoom, whole));
  const dw = diagram.width * zoom;
  const dh = diagram.height * zoom;
  const x = dw <= w ? pad + (w - dw) / 2 : pad;
  const y = dh <= h ? pad + (h - dh) / 2 : pad;
  return { x, y, zoom };
}

/** Whether a box (flow coordinates) is wholly on screen in a viewport. */
export function inView(box: Box, vp: Viewport, canvas: { width: number; height: number }, margin = 16): boolean {
  const left = box.x * vp.zoom + vp.x;
  const top = box.y * vp.zoom + vp.y;
  return left >= margin && top >= margin && left + box.width * vp.zoom <= canvas.width - margin && top + box.height * vp.zoom <= canvas.height - margin;
}

/** The minimap's default: shown only when the diagram is bigger than the canvas at the current zoom. */
export function minimapUseful(diagram: { width: number; height: number }, canvas: { width: number; height: number }, zoom: number): boolean {
  return diagram.width * zoom > canvas.width || diagram.height * zoom > canvas.height;
}

export type Corner = "top-left" | "top-right" | "bottom-left" | "bottom-right";

/**
 * The corner where the minimap covers the fewest steps (by area), in the
 * order people look for it; the help button owns the top-right.
 */
export function minimapCorner(boxes: Box[], vp: Viewport, canvas: { width: number; height: number }, mini = { width: 200, height: 150 }, margin = 15): Corner {
  const corners: [Corner, number, number][] = [
    ["bottom-right", canvas.width - mini.width - margin, canvas.height - mini.height - margin],
    ["bottom-left", margin + 40, canvas.height - mini.height - margin], // beside the zoom buttons
    ["top-left", margin, margin],
    ["top-right", canvas.width - mini.width - margin, margin + 40],
  ];
  let best: Corner = "bottom-right";
  let least = Infinity;
  for (const [corner, cx, cy] of corners) {
    let covered = 0;
    for (const b of boxes) {
      const l = b.x * vp.zoom + vp.x;
      const t = b.y * vp.zoom + vp.y;
      const w = Math.max(0, Math.min(l + b.width * vp.zoom, cx + mini.width) - Math.max(l, cx));
      const h = Math.max(0, Math.min(t + b.height * vp.zoom, cy + mini.height) - Math.max(t, cy));
      covered += w * h;
    }
    if (covered < least) {
      least = covered;
      best = corner;
    }
  }
  return best;
}
