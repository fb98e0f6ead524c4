import { describe, expect, it } from "vitest";
import { estimateRowHeight, initialWindow, inWindow, visibleColumns, visibleRows } from "./visible-window.ts";

describe("visibleColumns", () => {
  const base = { originLeft: 208, colWidth: 248, bandLeft: 208, bandRight: 1208, count: 40 };
  it("takes the columns meeting the band plus the margin each side", () => {
    // 1000 px from 208: columns 0..4 (4 starts at 1200) are seen; margin 2 adds 5 and 6.
    expect(visibleColumns(base, 2)).toEqual({ colFrom: 0, colTo: 6 });
    expect(visibleColumns(base, 0)).toEqual({ colFrom: 0, colTo: 4 });
  });
  it("follows horizontal scrolling (the origin moves left)", () => {
    expect(visibleColumns({ ...base, originLeft: 208 - 248 * 10 - 10 }, 1)).toEqual({
      colFrom: 9,
      colTo: 15,
    });
  });
  it("clamps to the map and answers an empty range without stages", () => {
    expect(visibleColumns({ ...base, originLeft: 208 - 248 * 39 }, 3)).toEqual({ colFrom: 36, colTo: 39 });
    expect(visibleColumns({ ...base, count: 0 })).toEqual({ colFrom: 0, colTo: -1 });
  });
});

describe("visibleRows", () => {
  const boxes = [0, 100, 200, 300, 400, 500].map((top) => ({ top, bottom: top + 100 }));
  it("takes the lanes meeting the band widened by the margin", () => {
    expect(visibleRows(boxes, { top: 150, bottom: 250 }, 0)).toEqual({ rowFrom: 1, rowTo: 2 });
    expect(visibleRows(boxes, { top: 150, bottom: 250 }, 100)).toEqual({ rowFrom: 0, rowTo: 3 });
  });
  it("answers an empty range when no lane meets the band", () => {
    expect(visibleRows(boxes, { top: 2000, bottom: 2100 }, 0)).toEqual({ rowFrom: 0, rowTo: -1 });
  });
});

describe("initialWindow", () => {
  it("draws the top-left corner from estimated heights", () => {
    const heights = Array.from({ length: 15 }, () => estimateRowHeight(4, false));
    const w = initialWindow(
      { width: 1920, height: 1080, laneWidth: 208, stageWidth: 248, stages: 40 },
      heights,
    );
    expect(w.colFrom).toBe(0);
    expect(w.colTo).toBe(8);
    expect(w.rowFrom).toBe(0);
    expect(w.rowTo).toBeLessThan(14);
    expect(inWindow(w, 0, 8)).toBe(true);
    expect(inWindow(w, 0, 9)).toBe(false);
    expect(inWindow(w, 14, 0)).toBe(false);
  });
});
