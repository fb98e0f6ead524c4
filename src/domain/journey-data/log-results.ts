/**
 * Result shapes of the journey-analytics questions (the REST contract of /api/logs). Plain types:
 * the engines produce them, and the web app reads them without depending on the engines.
 */

/** An activity with how many cases start (or end) with it. */
export interface ActivityCount {
  /** Activity name. */
  activity: string;
  /** Number of cases. */
  count: number;
}

/** Summary of a distribution of durations in ms (percentiles: see `percentile.ts`). */
export interface DurationSummary {
  /** Median (linear interpolation). */
  medianMs: number;
  /** Arithmetic mean. */
  meanMs: number;
  /** 90th percentile (linear interpolation). */
  p90Ms: number;
  /** Smallest value. */
  minMs: number;
  /** Largest value. */
  maxMs: number;
}

/** Answer of `stats()`. */
export interface LogStats {
  /** Number of events. */
  events: number;
  /** Number of distinct case ids. */
  cases: number;
  /** Number of distinct activities. */
  activities: number;
  /** Number of distinct activity sequences per case (ordered by time, ties in file order). */
  variants: number;
  /** First activity of each case, counted; by count desc then name. */
  startActivities: ActivityCount[];
  /** Last activity of each case, counted; by count desc then name. */
  endActivities: ActivityCount[];
  /** Case duration (last minus first event time); zeros for an empty log. */
  caseDuration: DurationSummary;
}

/** One variant: a distinct activity sequence. */
export interface Variant {
  /** The activities in order. */
  activities: string[];
  /** Cases following it. */
  count: number;
  /** count / cases. */
  share: number;
}

/** Answer of `variants()`. */
export interface VariantsResult {
  /** Cases in the log. */
  cases: number;
  /** Distinct variants in the log. */
  total: number;
  /** The top variants by count desc, then sequence (byte order of the joined names). */
  variants: Variant[];
  /** Share of cases covered by the listed variants. */
  coverage: number;
}

/** One edge of the directly-follows graph. */
export interface DfgEdge {
  /** Activity of the earlier event. */
  from: string;
  /** Activity of the directly following event in the same case. */
  to: string;
  /** How often `to` directly follows `from`. */
  count: number;
  /** Mean time between the two events. */
  meanMs: number;
  /** Median time between the two events. */
  medianMs: number;
}

/** One path next to an anchor. */
export interface PathCount {
  /** Activities after the anchor (from) or before it, ending just before it (to). */
  activities: string[];
  /** Cases taking this path. */
  count: number;
}

/** Answer of `paths()`. */
export interface PathsResult {
  /** Anchor activity. */
  anchor: string;
  /** "from": what follows the anchor; "to": what leads to it. */
  direction: "from" | "to";
  /** Cases containing the anchor. */
  cases: number;
  /** Top paths by count desc then sequence; cases at the end (start) of their trace give shorter paths. */
  paths: PathCount[];
  /** Cases whose path is not in the top list. */
  other: number;
  /** Distinct paths folded into `other`. */
  otherPaths: number;
}

/** One step of a funnel. */
export interface FunnelStep {
  /** The step's activity. */
  activity: string;
  /** Cases reaching this step. */
  count: number;
  /** count / cases entering the funnel. */
  conversion: number;
  /** count / count of the previous step (1 for the first). */
  stepConversion: number;
  /** Cases of the previous step that did not reach this one (0 for the first). */
  dropOff: number;
}

/** One bin of a histogram [fromMs, toMs) (the last bin includes toMs). */
export interface HistogramBin {
  /** Lower bound. */
  fromMs: number;
  /** Upper bound. */
  toMs: number;
  /** Values in the bin. */
  count: number;
}

/** Funnel figures for a set of cases. */
export interface FunnelFigures {
  /** Cases entering the funnel (reaching step 1). */
  entered: number;
  /** Cases reaching the last step. */
  converted: number;
  /** converted / entered (0 when nobody entered). */
  conversion: number;
  /** Per step. */
  steps: FunnelStep[];
  /** Time from entering to the last step, for converted cases; null when none converted. */
  timeToConvert: (DurationSummary & { histogram: HistogramBin[] }) | null;
}

/** Funnel modes: every step in order (others between allowed) / directly one after another / any order. */
export const FUNNEL_MODES = ["sequential", "strict", "any"] as const;

/** A funnel mode. */
export type FunnelMode = (typeof FUNNEL_MODES)[number];

/** Answer of `funnel()`. */
export interface FunnelResult extends FunnelFigures {
  /** Mode used. */
  mode: FunnelMode;
  /** Per value of the `by` column: entered desc, then value; missing values as "(none)". */
  breakdown?: ({ value: string } & FunnelFigures)[];
}
