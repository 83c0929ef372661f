import { describe, expect, it } from "vitest";
import { distanceAt, fitMaxZoom, fitMinZoom, fitViewport, inView, minimapCorner } from "./viewport";

describe("fit on open", () => {
  it("does not blow a small workflow up past 100%", () => {
    const vp = fitViewport({ width: 200, height: 300 }, { width: 1000, height: 700 });
    expect(vp.zoom).toBe(fitMaxZoom);
    expect(vp.x).toBeCloseTo(400); // centred
  });
  it("shows a large workflow from the top at the smallest readable zoom", () => {
    const vp = fitViewport({ width: 900, height: 5000 }, { width: 1000, height: 700 });
    expect(vp.zoom).toBe(fitMinZoom);
    expect(vp.y).toBe(24);
  });
  it("fits a middling one whole", () => {
    const vp = fitViewport({ width: 1500, height: 1000 }, { width: 1000, height: 700 });
    expect(vp.zoom).toBeGreaterThan(fitMinZoom);
    expect(vp.zoom).toBeLessThan(fitMaxZoom);
  });
});

describe("inView", () => {
  it("tells a box on screen from one off it", () => {
    const vp = { x: 0, y: 0, zoom: 1 };
    expect(inView({ x: 100, y: 100, width: 100, height: 60 }, vp, { width: 500, height: 500 })).toBe(true);
    expect(inView({ x: 100, y: 900, width: 100, height: 60 }, vp, { width: 500, height: 500 })).toBe(false);
  });
});

describe("minimap corner", () => {
  it("moves away from a step in the bottom right", () => {
    const canvas = { width: 1000, height: 700 };
    const vp = { x: 0, y: 0, zoom: 1 };
    expect(minimapCorner([], vp, canvas)).toBe("bottom-right");
    expect(minimapCorner([{ x: 850, y: 600, width: 150, height: 60 }], vp, canvas)).not.toBe("bottom-right");
  });
});

describe("distance", () => {
  it("draws full nodes only where a 13px name reads at 11px or more", () => {
    expect(distanceAt(1)).toBe("near");
    expect(distanceAt(11 / 13)).toBe("far");
    expect(distanceAt(0.45)).toBe("far");
    expect(distanceAt(0.2)).toBe("overview");
  });
});
