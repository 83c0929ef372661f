import { describe, expect, it } from "vitest";
import { PanelLayoutStore, defaultLayout, parseLayout, storageKey } from "./panelLayout";

function memory(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe("panel layout", () => {
  it("reads garbage as the default layout and clamps sizes", () => {
    expect(parseLayout("{nope")).toEqual(defaultLayout);
    expect(parseLayout(JSON.stringify({ palette: { open: false, size: 9999 } })).palette).toEqual({ open: false, size: 420 });
  });

  it("remembers collapse, size and focus in storage", () => {
    const s = memory();
    const a = new PanelLayoutStore(s);
    a.toggle("bottom");
    a.resize("inspector", 400);
    a.setFocus(true);
    const b = new PanelLayoutStore(s);
    expect(b.snapshot().bottom.open).toBe(false);
    expect(b.snapshot().inspector.size).toBe(400);
    expect(b.snapshot().focus).toBe(true);
    expect(s.m.has(storageKey)).toBe(true);
  });

  it("opening a panel in Focus ends Focus and keeps the others as they were", () => {
    const a = new PanelLayoutStore(memory());
    a.toggle("palette", false);
    a.setFocus(true);
    expect(a.isShown("inspector")).toBe(false);
    a.toggle("inspector");
    expect(a.snapshot().focus).toBe(false);
    expect(a.isShown("inspector")).toBe(true);
    expect(a.isShown("palette")).toBe(false);
  });
});
