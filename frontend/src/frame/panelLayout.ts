// The window's panel layout: which side panels are open, how big they are,
// and the Focus mode that gives the whole window to the canvas. A plain
// store (no React) kept in localStorage, so the layout survives a restart.

export type PanelId = "palette" | "inspector" | "bottom";

export interface PanelLayout {
  palette: { open: boolean; size: number };
  inspector: { open: boolean; size: number };
  bottom: { open: boolean; size: number };
  /** Focus: every panel hidden (their own state is kept for when it ends). */
  focus: boolean;
}

export const defaultLayout: PanelLayout = {
  palette: { open: true, size: 220 },
  inspector: { open: true, size: 300 },
  bottom: { open: true, size: 150 },
  focus: false,
};

/** Sizes a person can drag a panel to, in CSS pixels. */
export const limits: Record<PanelId, { min: number; max: number }> = {
  palette: { min: 160, max: 420 },
  inspector: { min: 220, max: 640 },
  bottom: { min: 80, max: 520 },
};

export const storageKey = "stepstudio.panels.v1";

export function clampSize(id: PanelId, size: number): number {
  return Math.round(Math.min(limits[id].max, Math.max(limits[id].min, size)));
}

/** Reads a stored layout, keeping only what is well formed. */
export function parseLayout(raw: string | null): PanelLayout {
  let v: unknown;
  try {
    v = raw ? JSON.parse(raw) : null;
  } catch {
    v = null;
  }
  const o = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  const panel = (id: PanelId) => {
    const p = (o[id] && typeof o[id] === "object" ? o[id] : {}) as Record<string, unknown>;
    const d = defaultLayout[id];
    return {
      open: typeof p.open === "boolean" ? p.open : d.open,
      size: typeof p.size === "number" && Number.isFinite(p.size) ? clampSize(id, p.size) : d.size,
    };
  };
  return { palette: panel("palette"), inspector: panel("inspector"), bottom: panel("bottom"), focus: o.focus === true };
}

interface Storage {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

export class PanelLayoutStore {
  private layout: PanelLayout;
  private listeners = new Set<() => void>();
  constructor(private storage: Storage | null) {
    this.layout = parseLayout(storage?.getItem(storageKey) ?? null);
  }
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };
  snapshot = () => this.layout;

  private set(next: PanelLayout) {
    this.layout = next;
    try {
      this.storage?.setItem(storageKey, JSON.stringify(next));
    } catch {
      // A full or disabled storage only loses the memory of the layout.
    }
    for (const fn of this.listeners) fn();
  }
  /** Shows or hides a panel; showing one ends Focus. */
  toggle(id: PanelId, open = !this.isShown(id)) {
    const l = this.layout;
    if (open && l.focus) {
      // Leaving Focus for one panel: the others come back as they were.
      this.set({ ...l, focus: false, [id]: { ...l[id], open: true } });
      return;
    }
    this.set({ ...l, [id]: { ...l[id], open } });
  }
  resize(id: PanelId, size: number) {
    const l = this.layout;
    this.set({ ...l, focus: false, [id]: { open: true, size: clampSize(id, size) } });
  }
  setFocus(focus = !this.layout.focus) {
    this.set({ ...this.layout, focus });
  }
  /** Whether a panel is on screen now. */
  isShown(id: PanelId) {
    return !this.layout.focus && this.layout[id].open;
  }
}
