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
  it("shows a huge one from the top at the smallest readable zoom", () => {
    const vp = presentViewport({ width: 800, height: 6000 }, { width: 1440, height: 850 });
    expect(vp.zoom).toBe(0.45);
    expect(vp.y).toBe(32);
  });
});
