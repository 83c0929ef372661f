// How Present frames the diagram: the whole of it, as large as the window
// allows (a small workflow is blown up so a room can read it, up to
// maxZoom); a large one at the smallest readable zoom, from the top.
import { fitMinZoom, type Viewport } from "../canvas/viewport";

export const presentMaxZoom = 1.6;

export function presentViewport(diagram: { width: number; height: number }, canvas: { width: number; height: number }, pad = 32): Viewport {
  const w = Math.max(1, canvas.width - 2 * pad);
  const h = Math.max(1, canvas.height - 2 * pad);
  const whole = Math.min(w / Math.max(1, diagram.width), h / Math.max(1, diagram.height));
  const zoom = Math.min(presentMaxZoom, Math.max(fitMinZoom, whole));
  const dw = diagram.width * zoom;
  const dh = diagram.height * zoom;
  return { x: dw <= w ? pad + (w - dw) / 2 : pad, y: dh <= h ? pad + (h - dh) / 2 : pad, zoom };
}
