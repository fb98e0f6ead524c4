import type { PresenceStore, Viewport } from "../state/presence.ts";

/** How a canvas is zoomed, when its owner has a zoom (the map grid has none yet: 1). */
export interface ZoomControl {
  /** Current zoom of the canvas (1 = CSS pixels). */
  zoom?: () => number;
  /** Sets the canvas's zoom (to match the person followed); without it only scrolling follows. */
  setZoom?: (zoom: number) => void;
}

/** Least time between two viewport messages of one editor (awareness goes to everyone). */
export const VIEW_PUBLISH_MS = 80;

/** Keys that scroll a focused canvas: pressing one is "I scroll myself" and ends following. */
const SCROLL_KEYS = new Set([
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "PageUp",
  "PageDown",
  "Home",
  "End",
  " ",
]);

/** The visible region of a scrolling canvas, in map coordinates. */
export function readViewport(el: HTMLElement, zoom = 1): Viewport {
  return {
    x: el.scrollLeft / zoom,
    y: el.scrollTop / zoom,
    width: Math.max(1, el.clientWidth / zoom),
    height: Math.max(1, el.clientHeight / zoom),
    zoom,
  };
}

/** Scrolls (and zooms, when it can) a canvas so its top-left corner shows what `view`'s does. */
export function applyViewport(el: HTMLElement, view: Viewport, zoom: ZoomControl = {}): void {
  let z = zoom.zoom?.() ?? 1;
  if (zoom.setZoom && z !== view.zoom) {
    zoom.setZoom(view.zoom);
    z = view.zoom;
  }
  el.scrollTo({ left: view.x * z, top: view.y * z, behavior: "instant" });
}

/**
 * Joins a scrolling map canvas to presence: publishes the region I see (throttled), and while I
 * follow someone, keeps my canvas on theirs until I scroll myself (wheel, touch, pointer, scroll
 * keys) or press Escape. The canvas gets the class `following` and `--follow-color` meanwhile.
 * Returns the clean-up. The editor grid uses it through useViewportSync; a workshop's
 * "everyone follows the facilitator" is `presence.follow(facilitatorClientId)` on each editor.
 */
export function syncViewport(el: HTMLElement, presence: PresenceStore, zoom: ZoomControl = {}): () => void {
  const currentZoom = () => zoom.zoom?.() ?? 1;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const publish = () => {
    timer = null;
    last = Date.now();
    presence.setView(readViewport(el, currentZoom()));
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(publish, Math.max(0, VIEW_PUBLISH_MS - (Date.now() - last)));
  };
  const leader = () => {
    const { following, others } = presence.getState();
    return following === null ? undefined : others.find((o) => o.clientId === following);
  };
  let shown: Viewport | null = null;
  const follow = () => {
    const who = leader();
    el.classList.toggle("following", !!who);
    if (who) el.style.setProperty("--follow-color", who.color);
    else el.style.removeProperty("--follow-color");
    if (!who?.view || who.view === shown) return;
    shown = who.view;
    applyViewport(el, who.view, zoom);
  };
  const stop = () => {
    if (presence.getState().following !== null) presence.follow(null);
  };
  const onKey = (e: KeyboardEvent) => {
    if (SCROLL_KEYS.has(e.key) && el.contains(e.target as Node)) stop();
  };
  const onEscape = (e: KeyboardEvent) => {
    if (e.key === "Escape") stop();
  };
  const unsubscribe = presence.subscribe((s, prev) => {
    if (s.following !== prev.following) shown = null;
    follow();
  });
  const resize = new ResizeObserver(schedule);
  resize.observe(el);
  el.addEventListener("scroll", schedule, { passive: true });
  for (const type of ["wheel", "touchstart", "pointerdown"] as const)
    el.addEventListener(type, stop, { passive: true });
  el.addEventListener("keydown", onKey);
  window.addEventListener("keydown", onEscape);
  publish();
  follow();
  return () => {
    unsubscribe();
    resize.disconnect();
    if (timer) clearTimeout(timer);
    el.removeEventListener("scroll", schedule);
    for (const type of ["wheel", "touchstart", "pointerdown"] as const) el.removeEventListener(type, stop);
    el.removeEventListener("keydown", onKey);
    window.removeEventListener("keydown", onEscape);
    el.classList.remove("following");
  };
}
