import { describe, expect, it } from "vitest";
import { presentMaxZoom, presentViewport } from "./view";

describe("presentViewport", () => {
  it("blows a small workflow up, centred, but not past the limit", () => {
    const vp = presentViewport({ width: 200, height: 100 }, { width: 1440, height: 850 });
    expect(vp.zoom).toBe(presentMaxZoom);
    expect(vp.x).toBeCloseTo((1440 - 200 * presentMaxZoom) / 2);
    expect(vp.y).toBeCloseTo((850 - 100 * presentMaxZoom) / 2);
  });
  it("fits a medium one whole", () => {
    const vp = presentViewport({ width: 600, height: 1000 }, { width: 1440, height: 850 });
    expect(vp.zoom).toBeCloseTo((850 - 64) / 1000);
  });
  it("keeps left of the cards when that costs no zoom", () => {
    const canvas = { width: 1440, height: 850 };
    const tall = presentViewport({ width: 600, height: 1000 }, canvas, 376);
    expect(tall.zoom).toBeCloseTo((850 - 64) / 1000);
    expect(tall.x + 600 * tall.zoom).toBeLessThanOrEqual(1440 - 376);
    // Too wide to fit beside the cards at the same zoom: the whole width.
    const wide = presentViewport({ width: 1300, height: 300 }, canvas, 376);
    expect(wide.zoom).toBeCloseTo((1440 - 64) / 1300);
    // Huge: the smallest readable zoom either way, left of the cards.
    const huge = presentViewport({ width: 1500, height: 6000 }, canvas, 376);
    expect(huge.zoom).toBe(0.45);
    expect(huge.x + 1500 * 0.45).toBeLessThanOrEqual(1440 - 376);
  });
  it("shows a huge one from the top at the smallest readable zoom", () => {
    const vp = presentViewport({ width: 800, height: 6000 }, { width: 1440, height: 850 });
    expect(vp.zoom).toBe(0.45);
    expect(vp.y).toBe(32);
  });
});
