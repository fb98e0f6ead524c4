import { useEffect, useMemo, useState } from "react";
import { LANE_TONE } from "./lane-style.ts";
import {
  MINIMAP_FROM_STAGES,
  minimapScale,
  overflows,
  type ScrollBox,
  scrollForPoint,
  viewportRect,
} from "./minimap-geometry.ts";
import { useEditor } from "./session-context.ts";

/** Where lanes and stage columns sit in the scroll box's content (px), measured from the headers. */
interface Layout {
  lanes: { top: number; height: number }[];
  colLeft: number;
  colWidth: number;
}

const readBox = (el: HTMLElement): ScrollBox => ({
  scrollLeft: el.scrollLeft,
  scrollTop: el.scrollTop,
  clientWidth: el.clientWidth,
  clientHeight: el.clientHeight,
  scrollWidth: el.scrollWidth,
  scrollHeight: el.scrollHeight,
});

function readLayout(el: HTMLElement, laneCount: number): Layout {
  const origin = el.getBoundingClientRect();
  const at = (r: DOMRect) => ({
    left: r.left - origin.left + el.scrollLeft,
    top: r.top - origin.top + el.scrollTop,
  });
  const lanes: Layout["lanes"] = [];
  for (const h of el.querySelectorAll<HTMLElement>('[role="rowheader"][data-nav]')) {
    const i = Number(h.dataset.nav?.split(":")[0]) - 1;
    if (i < 0 || i >= laneCount) continue;
    const r = h.getBoundingClientRect();
    lanes[i] = { top: at(r).top, height: r.height };
  }
  const first = el.querySelector('.header-row [role="columnheader"]:not(.corner)')?.getBoundingClientRect();
  return { lanes, colLeft: first ? at(first).left : 0, colWidth: first?.width ?? 0 };
}

/** Follows a scroll box: its geometry and the grid's layout, re-read once per frame on scroll and resize. */
function useScrollGeometry(el: HTMLElement | null, laneCount: number, version: unknown) {
  const [state, setState] = useState<{ box: ScrollBox; layout: Layout } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` (stage and card counts) re-reads the layout after structural edits
  useEffect(() => {
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setState({ box: readBox(el), layout: readLayout(el, laneCount) });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    schedule();
    el.addEventListener("scroll", schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    if (el.firstElementChild) resize.observe(el.firstElementChild);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener("scroll", schedule);
      resize.disconnect();
    };
  }, [el, laneCount, version]);
  return state;
}

/**
 * An overview of the whole map (lanes as bands, cells with cards shaded by how many) with the
 * visible part as a rectangle. Click or drag in it to move the view there; with focus, the arrow
 * keys move the view by a stage or 200 px, Page keys by a screen, Home/End to the ends. Shown only
 * on maps of MINIMAP_FROM_STAGES stages or more that do not fit their box; hidden on phones (map-look.css).
 */
export function Minimap({ scroller }: { scroller: HTMLElement | null }) {
  const stages = useEditor((s) => s.map.stages);
  const lanes = useEditor((s) => s.map.lanes);
  const cards = useEditor((s) => s.map.cards);
  const geo = useScrollGeometry(scroller, lanes.length, `${stages.length}:${cards.length}`);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of cards) m.set(`${c.laneId}|${c.stageId}`, (m.get(`${c.laneId}|${c.stageId}`) ?? 0) + 1);
    return m;
  }, [cards]);
  if (!scroller || !geo || stages.length < MINIMAP_FROM_STAGES || !overflows(geo.box)) return null;
  const { box, layout } = geo;
  const s = minimapScale(box);
  const view = viewportRect(box, s);
  const go = (x: number, y: number) => {
    const to = scrollForPoint(readBox(scroller), s, x, y);
    scroller.scrollTo({ left: to.left, top: to.top, behavior: "instant" });
  };
  const fromPointer = (e: React.PointerEvent<HTMLElement>) => {
    const svg = e.currentTarget.querySelector("svg");
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    go(e.clientX - r.left, e.clientY - r.top);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = layout.colWidth || 248;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -200],
      ArrowDown: [0, 200],
      PageUp: [-box.clientWidth, 0],
      PageDown: [box.clientWidth, 0],
      Home: [-box.scrollWidth, -box.scrollHeight],
      End: [box.scrollWidth, box.scrollHeight],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    scroller.scrollBy({ left: m[0], top: m[1], behavior: "instant" });
  };
  const width = box.scrollWidth * s;
  const height = box.scrollHeight * s;
  return (
    <div
      className="minimap"
      role="slider"
      tabIndex={0}
      aria-label="Map overview"
      aria-roledescription="minimap"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round((box.scrollLeft / Math.max(1, box.scrollWidth - box.clientWidth)) * 100)}
      aria-valuetext={`Showing ${Math.round((box.clientWidth / box.scrollWidth) * 100)} % of the map's width from ${Math.round((box.scrollLeft / box.scrollWidth) * 100)} %; arrow keys move the view`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        fromPointer(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) fromPointer(e);
      }}
    >
      <svg className="minimap-map" width={width} height={height} aria-hidden="true">
        <rect className="minimap-bg" width={width} height={height} />
        {lanes.map((l, i) => {
          const band = layout.lanes[i];
          if (!band) return null;
          return (
            <g key={l.id} className={`tone-${LANE_TONE[l.type]}`}>
              <rect
                className="minimap-lane"
                x={0}
                y={band.top * s}
                width={width}
                height={Math.max(1, band.height * s - 1)}
              />
              {stages.map((st, c) => {
                const n = counts.get(`${l.id}|${st.id}`) ?? 0;
                if (!n) return null;
                return (
                  <rect
                    key={st.id}
                    className="minimap-cell"
                    x={(layout.colLeft + c * layout.colWidth) * s + 0.5}
                    y={band.top * s + 0.5}
                    width={Math.max(1, layout.colWidth * s - 1)}
                    height={Math.max(1, band.height * s - 2)}
                    opacity={Math.min(1, 0.3 + 0.14 * n)}
                  />
                );
              })}
            </g>
          );
        })}
        <rect className="minimap-view" x={view.x} y={view.y} width={view.width} height={view.height} />
      </svg>
    </div>
  );
}
