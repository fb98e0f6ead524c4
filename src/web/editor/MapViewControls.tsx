import { Maximize2, Minus, Plus, Rows3, Rows4 } from "lucide-react";
import { LANE_HEADER_WIDTH, STAGE_WIDTH } from "./layout.ts";
import { useEditor } from "./session-context.ts";
import { MAX_ZOOM, MIN_ZOOM, useViewPrefs } from "./view-prefs.ts";

/** The map's scroll box. */
const scroller = () => document.querySelector<HTMLElement>(".grid-scroll");

/** Zoom that fits every stage into the visible width (within the zoom limits). */
export function fitZoom(stageCount: number, width: number): number {
  const natural = LANE_HEADER_WIDTH + stageCount * STAGE_WIDTH;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor((width / natural) * 100) / 100));
}

/** Scrolls the map so a stage's column is the first one after the lane headers, and focuses its header. */
export function jumpToStage(index: number, zoom: number): void {
  const box = scroller();
  if (!box) return;
  box.scrollTo({ left: index * STAGE_WIDTH * zoom, behavior: "auto" });
  box.querySelector<HTMLElement>(`[data-nav="0:${index + 1}"]`)?.focus({ preventScroll: true });
}

/**
 * Zoom out / in (Ctrl + − / +, 50–150 %), back to 100 %, fit to screen, compact or comfortable
 * cards, and a stage jump for wide maps. Floats at the bottom right of the map.
 */
export function MapViewControls() {
  const { zoom, zoomBy, setZoom, density, setDensity } = useViewPrefs();
  const stages = useEditor((s) => s.map.stages);
  const pct = Math.round(zoom * 100);
  return (
    <div className="map-view-controls" role="toolbar" aria-label="Map view">
      {stages.length > 4 ? (
        <select
          aria-label="Jump to stage"
          value=""
          onChange={(e) => e.target.value !== "" && jumpToStage(Number(e.target.value), zoom)}
        >
          <option value="">Jump to stage…</option>
          {stages.map((s, i) => (
            <option key={s.id} value={i}>
              {i + 1}. {s.name}
            </option>
          ))}
        </select>
      ) : null}
      <button
        type="button"
        className="btn icon"
        aria-label="Zoom out"
        title="Zoom out (Ctrl + −)"
        disabled={zoom <= MIN_ZOOM}
        onClick={() => zoomBy(-1)}
      >
        <Minus size={15} aria-hidden="true" />
      </button>
      <button type="button" className="btn small zoom-value" title="Back to 100 %" onClick={() => setZoom(1)}>
        <span className="sr-only">Zoom </span>
        {pct} %
      </button>
      <button
        type="button"
        className="btn icon"
        aria-label="Zoom in"
        title="Zoom in (Ctrl + +)"
        disabled={zoom >= MAX_ZOOM}
        onClick={() => zoomBy(1)}
      >
        <Plus size={15} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="btn icon"
        aria-label="Fit to screen"
        title="Fit every stage on screen"
        onClick={() => setZoom(fitZoom(stages.length, scroller()?.clientWidth ?? window.innerWidth))}
      >
        <Maximize2 size={15} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="btn icon"
        aria-pressed={density === "compact"}
        aria-label="Compact cards"
        title={density === "compact" ? "Comfortable cards" : "Compact cards"}
        onClick={() => setDensity(density === "compact" ? "comfortable" : "compact")}
      >
        {density === "compact" ? (
          <Rows4 size={15} aria-hidden="true" />
        ) : (
          <Rows3 size={15} aria-hidden="true" />
        )}
      </button>
    </div>
  );
}
