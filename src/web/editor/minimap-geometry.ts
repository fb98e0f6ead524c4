/**
 * Geometry of the map overview (pure): the scale from the map's scroll box to the minimap, the
 * viewport rectangle, and where a click in the minimap scrolls the map to.
 */

/** Maps with fewer stages have no overview (the stage jump and a scroll suffice; it would cover cells). */
export const MINIMAP_FROM_STAGES = 12;

/** Largest size of the minimap (px); the map's aspect ratio is kept within it. */
export const MINIMAP_MAX = { width: 220, height: 120 } as const;

/** A scroll box's size, scroll position and content size (CSS px). */
export interface ScrollBox {
  scrollLeft: number;
  scrollTop: number;
  clientWidth: number;
  clientHeight: number;
  scrollWidth: number;
  scrollHeight: number;
}

/** Scale factor from map pixels to minimap pixels, fitting the whole content into MINIMAP_MAX. */
export function minimapScale(box: ScrollBox, max = MINIMAP_MAX): number {
  if (box.scrollWidth <= 0 || box.scrollHeight <= 0) return 0;
  return Math.min(max.width / box.scrollWidth, max.height / box.scrollHeight);
}

/** The visible part of the map as a rectangle in minimap pixels. */
export function viewportRect(box: ScrollBox, scale: number) {
  return {
    x: box.scrollLeft * scale,
    y: box.scrollTop * scale,
    width: Math.min(box.clientWidth, box.scrollWidth) * scale,
    height: Math.min(box.clientHeight, box.scrollHeight) * scale,
  };
}

/** The scroll position that centres the view on minimap point (x, y), clamped to the content. */
export function scrollForPoint(box: ScrollBox, scale: number, x: number, y: number) {
  if (scale <= 0) return { left: box.scrollLeft, top: box.scrollTop };
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  return {
    left: Math.round(clamp(x / scale - box.clientWidth / 2, box.scrollWidth - box.clientWidth)),
    top: Math.round(clamp(y / scale - box.clientHeight / 2, box.scrollHeight - box.clientHeight)),
  };
}

/** True when the map does not fit its scroll box (the overview is worth showing). */
export const overflows = (box: ScrollBox) =>
  box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
