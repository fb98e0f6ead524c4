import { scaleLinear } from "d3-scale";
import { useEffect, useMemo, useState } from "react";
import type { ActivityCount, DfgEdge } from "../../domain/journey-data/index.ts";
import { logsApi } from "../api/logs.ts";
import { workerElk } from "./elk-worker.ts";
import { fmtCount, fmtDuration, fmtShare } from "./format.ts";
import { ProcessMapSvg } from "./ProcessMapSvg.tsx";
import {
  type CaseCoverage,
  caseCoverage,
  type ProcessEdge,
  type ProcessNode,
  processGraph,
} from "./process-graph.ts";
import { layoutProcess, type Measure, type ProcessLayout } from "./process-layout.ts";
import { textWidth, useFontsLoaded } from "./text-measure.ts";
import { useZoomPan } from "./useZoomPan.ts";

/** What the edges show: how often they are taken, or the median time they take. */
export type ProcessView = "frequency" | "time";

/** Most variants fetched to compute case coverage. */
const COVERAGE_VARIANTS = 10_000;

/**
 * The directly-follows graph as a process map laid out by ELK: a start and an end, activities in
 * boxes sized to their names, routed edges with frequency or median time, a case-coverage filter,
 * zoom and pan.
 */
export function ProcessMap({
  logId,
  edges,
  starts,
  ends,
}: {
  logId: string;
  edges: DfgEdge[];
  starts: ActivityCount[];
  ends: ActivityCount[];
}) {
  const [view, setView] = useState<ProcessView>("frequency");
  const [picked, setPicked] = useState<number | null>(null);
  const [full, setFull] = useState(false);
  const coverage = useCoverage(logId);
  const minPercent = picked ?? (coverage ? defaultThreshold({ edges, starts, ends, coverage }) : 0);
  const setMinPercent = setPicked;
  const graph = useMemo(
    () => processGraph({ edges, starts, ends, coverage, minShare: minPercent / 100 }),
    [edges, starts, ends, coverage, minPercent],
  );
  const layout = useLayout(graph, view, coverage);
  const zoom = useZoomPan(layout, layout?.nodes.find((n) => n.kind === "start") ?? null);
  const activities = graph.nodes.length - 2;
  return (
    <section
      className={full ? "pm pm-full" : "pm"}
      aria-label="Process map"
      onKeyDown={(e) => {
        if (full && e.key === "Escape") setFull(false);
      }}
    >
      <div className="pm-controls">
        <fieldset className="segmented">
          <legend className="sr-only">Edges show</legend>
          {(["frequency", "time"] as const).map((v) => (
            <label key={v} className={view === v ? "active" : ""}>
              <input
                type="radio"
                name={`pm-view-${logId}`}
                checked={view === v}
                onChange={() => setView(v)}
              />
              {v === "frequency" ? "Frequency" : "Median time"}
            </label>
          ))}
        </fieldset>
        <label className="pm-filter">
          <span>
            Activities and paths in at least <strong>{minPercent} %</strong> of cases
          </span>
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={minPercent}
            disabled={!coverage}
            aria-label="Minimum share of cases"
            aria-valuetext={`${minPercent} % of cases`}
            onChange={(e) => setMinPercent(Number(e.target.value))}
          />
        </label>
        <output className="muted pm-shown" aria-live="polite">
          {fmtCount(activities)} of {fmtCount(activities + graph.hiddenActivities)} activities,{" "}
          {fmtCount(graph.edges.length)} of {fmtCount(graph.edges.length + graph.hiddenEdges)} paths
          {coverage && coverage.covered < 1
            ? ` (coverage from variants covering ${fmtShare(coverage.covered)})`
            : ""}
        </output>
        <span className="spacer" />
        <fieldset className="pm-zoom">
          <legend className="sr-only">Zoom</legend>
          <button type="button" className="btn small" onClick={zoom.zoomOut} aria-label="Zoom out">
            −
          </button>
          <output className="pm-zoom-level" aria-label="Zoom level">
            {Math.round(zoom.view.k * 100)} %
          </output>
          <button type="button" className="btn small" onClick={zoom.zoomIn} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="btn small" onClick={zoom.fitToView}>
            Fit
          </button>
          <button type="button" className="btn small" aria-pressed={full} onClick={() => setFull((f) => !f)}>
            Full screen
          </button>
        </fieldset>
      </div>
      <div
        ref={zoom.ref}
        className="pm-viewport"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the viewport pans and zooms with the keyboard
        tabIndex={0}
        role="application"
        aria-roledescription="zoomable process map"
        aria-label="Process map: arrow keys pan, + and − zoom, 0 fits"
        {...zoom.handlers}
      >
        {layout ? (
          <ProcessMapSvg layout={layout} view={zoom.view} mode={view} />
        ) : (
          <p className="muted">Laying out…</p>
        )}
      </div>
    </section>
  );
}

/** Widths with the fonts of `.pm-name` and `.pm-small`. */
const processMeasure: Measure = (text, font) => textWidth(text, font === "name" ? "600 13px" : "12px");

/** Thresholds tried for the first view, in % of cases. */
const THRESHOLDS = [0, 1, 2, 5, 10, 20, 30];
/** Most paths the first view draws before it simplifies (a map with more is unreadable). */
const READABLE_PATHS = 60;

/** The lowest threshold whose map has at most READABLE_PATHS paths: the whole map when it reads. */
export function defaultThreshold(input: Omit<Parameters<typeof processGraph>[0], "minShare">): number {
  for (const t of THRESHOLDS)
    if (processGraph({ ...input, minShare: t / 100 }).edges.length <= READABLE_PATHS) return t;
  return THRESHOLDS[THRESHOLDS.length - 1] as number;
}

/** Case coverage from the log's variants (null until loaded or when they cannot be read). */
function useCoverage(logId: string): CaseCoverage | null {
  const [coverage, setCoverage] = useState<CaseCoverage | null>(null);
  useEffect(() => {
    let live = true;
    setCoverage(null);
    logsApi.variants(logId, COVERAGE_VARIANTS).then(
      (v) => live && setCoverage(caseCoverage(v)),
      () => live && setCoverage(null),
    );
    return () => {
      live = false;
    };
  }, [logId]);
  return coverage;
}

/** The ELK layout of the graph for the view (null while it runs). */
function useLayout(graph: ReturnType<typeof processGraph>, view: ProcessView, coverage: CaseCoverage | null) {
  const [layout, setLayout] = useState<ProcessLayout | null>(null);
  // Laid out again once the bundled font has loaded: boxes are sized by measured names.
  const fonts = useFontsLoaded();
  useEffect(() => {
    let live = true;
    void fonts;
    const cases = coverage?.cases ?? 0;
    const share = (n: ProcessNode | ProcessEdge) =>
      cases && n.cases !== null ? ` · ${fmtShare(n.cases / cases, 0)}` : "";
    layoutProcess(graph, {
      measure: processMeasure,
      elk: workerElk(),
      sub: (n) =>
        n.kind === "activity" ? `${fmtCount(n.events)} events${share(n)}` : `${fmtCount(n.events)} cases`,
      edgeLabel: (e) =>
        view === "frequency" ? fmtCount(e.count) : e.medianMs === null ? "" : fmtDuration(e.medianMs),
    }).then((l) => live && setLayout(l));
    return () => {
      live = false;
    };
  }, [graph, view, coverage, fonts]);
  return layout;
}

/** Stroke width of an edge: by count (frequency) or by median time (time view). */
export function strokeScale(layout: ProcessLayout, mode: ProcessView) {
  const values = layout.edges.map((e) => (mode === "frequency" ? e.count : (e.medianMs ?? 0)));
  return scaleLinear()
    .domain([0, Math.max(1, ...values)])
    .range([1.2, 7])
    .clamp(true);
}
