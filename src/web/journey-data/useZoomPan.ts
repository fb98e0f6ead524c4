import { useCallback, useEffect, useRef, useState } from "react";

/** Scale and offset of the drawn content inside its viewport. */
export interface View {
  k: number;
  x: number;
  y: number;
}

/** Zoom limits of the process map. */
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 3;
/** Smallest zoom at which the first view still reads (13 px names at 9 px). */
const READABLE = 0.7;
const clamp = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/**
 * Zoom and pan of content of a known size inside a viewport element: Ctrl/⌘ + wheel zooms at the
 * pointer, wheel and drag pan, + / − / 0 / arrow keys when the viewport has focus.
 */
export function useZoomPan(
  content: { width: number; height: number } | null,
  /** Box the first view shows at its left, when the whole content is too big to read fitted. */
  anchor: { x: number; y: number; h: number } | null = null,
) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  /** Everything in view (down to the minimum zoom), centred. */
  const fitToView = useCallback(() => {
    const el = ref.current;
    if (!el || !content) return;
    const k = clamp(Math.min(1, el.clientWidth / content.width, el.clientHeight / content.height));
    setView({
      k,
      x: (el.clientWidth - content.width * k) / 2,
      y: Math.max(0, (el.clientHeight - content.height * k) / 2),
    });
  }, [content]);
  // First view: fitted when that stays readable, else readable from the left edge (the start).
  useEffect(() => {
    const el = ref.current;
    if (!el || !content) return;
    const k = Math.min(1, el.clientWidth / content.width, el.clientHeight / content.height);
    if (k >= READABLE) fitToView();
    else
      setView({
        k: READABLE,
        x: 16 - (anchor?.x ?? 0) * READABLE,
        y: el.clientHeight / 2 - ((anchor?.y ?? 0) + (anchor?.h ?? 0) / 2) * READABLE,
      });
  }, [content, fitToView, anchor?.x, anchor?.y, anchor?.h]);
  const zoomAt = useCallback((factor: number, cx?: number, cy?: number) => {
    const el = ref.current;
    setView((v) => {
      const k = clamp(v.k * factor);
      const px = cx ?? (el?.clientWidth ?? 0) / 2;
      const py = cy ?? (el?.clientHeight ?? 0) / 2;
      return { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
    });
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) zoomAt(Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
      else setView((v) => ({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY }));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [zoomAt]);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const handlers = {
    onPointerDown: (e: React.PointerEvent) => {
      if (e.button !== 0) return;
      drag.current = { x: e.clientX, y: e.clientY };
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    },
    onPointerMove: (e: React.PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      drag.current = { x: e.clientX, y: e.clientY };
      setView((v) => ({ ...v, x: v.x + e.clientX - d.x, y: v.y + e.clientY - d.y }));
    },
    onPointerUp: () => {
      drag.current = null;
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      const step = 60;
      const pan: Record<string, [number, number]> = {
        ArrowLeft: [step, 0],
        ArrowRight: [-step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      if (e.key === "+" || e.key === "=") zoomAt(1.25);
      else if (e.key === "-") zoomAt(0.8);
      else if (e.key === "0") fitToView();
      else if (pan[e.key]) {
        const [dx, dy] = pan[e.key] as [number, number];
        setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
      } else return;
      e.preventDefault();
    },
  };
  return { ref, view, fitToView, zoomIn: () => zoomAt(1.25), zoomOut: () => zoomAt(0.8), handlers };
}
