import { describe, expect, it } from "vitest";
import { minimapScale, overflows, scrollForPoint, viewportRect } from "./minimap-geometry.ts";

const box = {
  scrollLeft: 0,
  scrollTop: 0,
  clientWidth: 1000,
  clientHeight: 600,
  scrollWidth: 10_128,
  scrollHeight: 3000,
};

describe("minimap geometry", () => {
  it("fits the whole map into the minimap, keeping its aspect ratio", () => {
    const s = minimapScale(box, { width: 220, height: 120 });
    expect(s).toBeCloseTo(220 / 10_128);
    expect(box.scrollHeight * s).toBeLessThanOrEqual(120);
    expect(minimapScale({ ...box, scrollWidth: 0 })).toBe(0);
  });
  it("draws the viewport where the map is scrolled", () => {
    const r = viewportRect({ ...box, scrollLeft: 5000, scrollTop: 300 }, 0.02);
    expect(r).toEqual({ x: 100, y: 6, width: 20, height: 12 });
  });
  it("centres the view on a clicked point, within the content", () => {
    expect(scrollForPoint(box, 0.02, 100, 30)).toEqual({ left: 4500, top: 1200 });
    expect(scrollForPoint(box, 0.02, 0, 0)).toEqual({ left: 0, top: 0 });
    expect(scrollForPoint(box, 0.02, 1000, 1000)).toEqual({ left: 9128, top: 2400 });
  });
  it("is worth showing only when the map overflows its box", () => {
    expect(overflows(box)).toBe(true);
    expect(overflows({ ...box, scrollWidth: 1000, scrollHeight: 600 })).toBe(false);
  });
});
