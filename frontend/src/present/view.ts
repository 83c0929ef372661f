// How Present frames the diagram: the whole of it, as large as the window
// allows (a small workflow is blown up so a room can read it, up to
// maxZoom); a large one at the smallest readable zoom, from the top.
import { fitMinZoom, type Viewport } from "../canvas/viewport";

export const presentMaxZoom = 1.6;

/**
 * The view of diagram on a canvas whose right `cards` pixels hold the
 * step cards: the diagram keeps left of them when that costs no zoom.
 */
export function presentViewport(diagram: { width: number; height: number }, canvas: { width: number; height: number }, cards = 0, pad = 32): Viewport {
  const whole = (width: number) => Math.min((width - 2 * pad) / Math.max(1, diagram.width), (canvas.height - 2 * pad) / Math.max(1, diagram.height));
  const aside = cards > 0 && whole(canvas.width - cards) >= Math.min(presentMaxZoom, whole(canvas.width));
  return place(diagram, { width: aside ? canvas.width - cards : canvas.width, height: canvas.height }, pad);
}

function place(diagram: { width: number; height: number }, canvas: { width: number; height: number }, pad: number): Viewport {
  const w = Math.max(1, canvas.width - 2 * pad);
  const h = Math.max(1, canvas.height - 2 * pad);
  const whole = Math.min(w / Math.max(1, diagram.width), h / Math.max(1, diagram.height));
  const zoom = Math.min(presentMaxZoom, Math.max(fitMinZoom, whole));
  const dw = diagram.width * zoom;
  const dh = diagram.height * zoom;
  return { x: dw <= w ? pad + (w - dw) / 2 : pad, y: dh <= h ? pad + (h - dh) / 2 : pad, zoom };
}
