import { type RefObject, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { LANE_HEADER_WIDTH, STAGE_WIDTH } from "./layout.ts";
import {
  initialWindow,
  sameWindow,
  type VisibleWindow,
  visibleColumns,
  visibleRows,
  wholeMap,
} from "./visible-window.ts";

/** The drawn window measured from the page: the scroll box ∩ the browser window, against the headers. */
function measure(
  scroller: HTMLElement,
  grid: HTMLElement,
  stages: number,
  lanes: number,
): VisibleWindow | null {
  const box = scroller.getBoundingClientRect();
  const corner = grid.querySelector(".corner")?.getBoundingClientRect();
  const firstStage = grid
    .querySelector('.header-row [role="columnheader"]:not(.corner)')
    ?.getBoundingClientRect();
  // No layout (hidden, or a DOM without one): keep what is drawn.
  if (!corner || (stages > 0 && !firstStage?.width)) return null;
  const cols = visibleColumns({
    originLeft: firstStage?.left ?? 0,
    colWidth: firstStage?.width ?? 0,
    bandLeft: Math.max(box.left, 0) + corner.width,
    bandRight: Math.min(box.right, window.innerWidth),
    count: stages,
  });
  const boxes: { top: number; bottom: number }[] = new Array(lanes);
  for (const h of grid.querySelectorAll<HTMLElement>('[role="rowheader"][data-nav]')) {
    const r = Number(h.dataset.nav?.split(":")[0]) - 1;
    if (r < 0 || r >= lanes) continue;
    const b = h.getBoundingClientRect();
    boxes[r] = { top: b.top, bottom: b.bottom };
  }
  for (let i = 0; i < lanes; i++)
    boxes[i] ??= { top: Number.POSITIVE_INFINITY, bottom: Number.POSITIVE_INFINITY };
  const rows = visibleRows(boxes, {
    top: Math.max(box.top, 0),
    bottom: Math.min(box.bottom, window.innerHeight),
  });
  return { ...cols, ...rows };
}

/**
 * The part of the grid drawn in full, kept in step with scrolling, resizing, zoom and structural
 * changes (measured in one animation frame per burst of scroll events). Before the first
 * measurement it assumes the top-left corner of a window-sized box. While printing, everything.
 * With `enabled` false (small maps, VIRTUALISE_FROM_CARDS) the whole map is drawn.
 */
export function useVisibleWindow(
  scroller: HTMLElement | null,
  grid: RefObject<HTMLDivElement | null>,
  stages: number,
  lanes: number,
  rowHeights: () => number[],
  enabled: boolean,
): VisibleWindow {
  const [win, setWin] = useState<VisibleWindow>(() =>
    initialWindow(
      {
        width: globalThis.innerWidth ?? 1920,
        height: globalThis.innerHeight ?? 1080,
        laneWidth: LANE_HEADER_WIDTH,
        stageWidth: STAGE_WIDTH,
        stages,
      },
      rowHeights(),
    ),
  );
  const printing = useRef(false);
  const update = useRef<() => void>(() => {});
  update.current = () => {
    if (printing.current || !enabled) return;
    if (!scroller || !grid.current) return;
    const next = measure(scroller, grid.current, stages, lanes);
    if (!next) return;
    setWin((w) => (sameWindow(w, next) ? w : next));
  };
  const schedule = useRef(() => {});
  // After every render that may move things (structure, zoom, density, a lane that grew): measure
  // again in the next frame, off the edit's own path.
  useEffect(() => {
    schedule.current();
  });
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update.current();
      });
    };
    schedule.current = onScroll;
    onScroll();
    const beforePrint = () => {
      printing.current = true;
      flushSync(() => setWin(wholeMap(stages, lanes)));
    };
    const afterPrint = () => {
      printing.current = false;
      update.current();
    };
    scroller.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    const resize = new ResizeObserver(onScroll);
    resize.observe(scroller);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener("scroll", onScroll);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
      resize.disconnect();
      schedule.current = () => {};
    };
  }, [scroller, stages, lanes]);
  return enabled ? win : wholeMap(stages, lanes);
}
