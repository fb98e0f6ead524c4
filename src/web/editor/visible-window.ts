/**
 * Which part of the map grid is drawn in full (pure). Columns and rows outside the visible part
 * plus a margin render as sized placeholders (Cell placeholders keep their grid position, their
 * `data-nav` and `data-drop` so keyboard moves, scrollIntoView and drop hit tests find them).
 */

/**
 * Maps with fewer cards are drawn in full (a template-sized map costs little, and every cell stays
 * in the page for find-in-page and tests); from this many cards on, only the window is.
 */
export const VIRTUALISE_FROM_CARDS = 300;
/** Columns (stages) drawn beyond each side of the visible ones. */
export const COLUMN_MARGIN = 2;
/** Pixels above and below the visible rows within which lanes are drawn too. */
export const ROW_MARGIN_PX = 600;
/** Height assumed for a card before it is drawn (px, comfortable density: 2–3 lines of text). */
export const CARD_ESTIMATE_PX = 62;

/** The drawn part: stage indices [colFrom, colTo] and lane indices [rowFrom, rowTo], inclusive. */
export interface VisibleWindow {
  colFrom: number;
  colTo: number;
  rowFrom: number;
  rowTo: number;
}

/**
 * Stage columns that meet the horizontal band [bandLeft, bandRight) (px), for columns `colWidth`
 * wide starting at `originLeft` (the first stage column's left edge, same coordinates), widened
 * by `margin` columns each side.
 */
export function visibleColumns(
  o: { originLeft: number; colWidth: number; bandLeft: number; bandRight: number; count: number },
  margin = COLUMN_MARGIN,
): { colFrom: number; colTo: number } {
  if (o.count === 0 || o.colWidth <= 0) return { colFrom: 0, colTo: -1 };
  const first = Math.floor((o.bandLeft - o.originLeft) / o.colWidth);
  const last = Math.floor((Math.max(o.bandLeft, o.bandRight - 1) - o.originLeft) / o.colWidth);
  return {
    colFrom: clamp(first - margin, 0, o.count - 1),
    colTo: clamp(last + margin, 0, o.count - 1),
  };
}

/**
 * Lanes whose box [top, bottom) (px, in the same coordinates as the visible band) meets the band
 * widened by `margin`. `boxes` are in lane order; returns an empty range when none meets it.
 */
export function visibleRows(
  boxes: readonly { top: number; bottom: number }[],
  band: { top: number; bottom: number },
  margin = ROW_MARGIN_PX,
): { rowFrom: number; rowTo: number } {
  let rowFrom = -1;
  let rowTo = -2;
  boxes.forEach((b, i) => {
    if (b.bottom < band.top - margin || b.top > band.bottom + margin) return;
    if (rowFrom < 0) rowFrom = i;
    rowTo = i;
  });
  return rowFrom < 0 ? { rowFrom: 0, rowTo: -1 } : { rowFrom, rowTo };
}

/** Estimated height of a lane before it is measured: its fullest cell's cards. */
export function estimateRowHeight(maxCards: number, emotion: boolean): number {
  if (emotion) return 260;
  return Math.max(64, 16 + maxCards * (CARD_ESTIMATE_PX + 6) + 30);
}

/** The first window, before anything is measured: from the top-left, using estimated row heights. */
export function initialWindow(
  o: { width: number; height: number; laneWidth: number; stageWidth: number; stages: number },
  rowHeights: readonly number[],
): VisibleWindow {
  const cols = visibleColumns({
    originLeft: o.laneWidth,
    colWidth: o.stageWidth,
    bandLeft: o.laneWidth,
    bandRight: o.width,
    count: o.stages,
  });
  let top = 0;
  const boxes = rowHeights.map((h) => {
    const b = { top, bottom: top + h };
    top += h;
    return b;
  });
  return { ...cols, ...visibleRows(boxes, { top: 0, bottom: o.height }) };
}

/** Everything drawn: `stages` columns and `lanes` rows. */
export const wholeMap = (stages: number, lanes: number): VisibleWindow => ({
  colFrom: 0,
  colTo: stages - 1,
  rowFrom: 0,
  rowTo: lanes - 1,
});

/** True when (row, col) — lane and stage indices — is drawn in full. */
export function inWindow(w: VisibleWindow, row: number, col: number): boolean {
  return row >= w.rowFrom && row <= w.rowTo && col >= w.colFrom && col <= w.colTo;
}

/** Same window (no re-render needed). */
export function sameWindow(a: VisibleWindow, b: VisibleWindow): boolean {
  return a.colFrom === b.colFrom && a.colTo === b.colTo && a.rowFrom === b.rowFrom && a.rowTo === b.rowTo;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
