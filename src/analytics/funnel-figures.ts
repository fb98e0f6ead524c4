import type { DurationSummary, FunnelFigures, FunnelResult, HistogramBin } from "./engine.ts";
import { compareBytes } from "./percentile.ts";

/** Aggregates an engine computed for one group of cases (all cases, or one breakdown value). */
export interface FunnelGroupAggregates {
  /** Group value ("" for the overall group). */
  value: string;
  /** reached[k] = cases reaching step k+1 (non-increasing). */
  reached: number[];
  /** Time-to-convert summary of converted cases (ignored when none converted). */
  time: DurationSummary;
  /** Histogram counts by bin index (see `histogramBin`), for converted cases. */
  binCounts: number[];
}

function histogramBins(g: FunnelGroupAggregates, bins: number, converted: number): HistogramBin[] {
  const { minMs: min, maxMs: max } = g.time;
  if (min === max) return [{ fromMs: min, toMs: max, count: converted }];
  return Array.from({ length: bins }, (_, i) => ({
    fromMs: min + (i * (max - min)) / bins,
    toMs: min + ((i + 1) * (max - min)) / bins,
    count: g.binCounts[i] ?? 0,
  }));
}

/** Builds the public figures of one group from its aggregates. */
export function funnelFigures(
  steps: readonly string[],
  g: FunnelGroupAggregates,
  bins: number,
): FunnelFigures {
  const entered = g.reached[0] ?? 0;
  const converted = g.reached[steps.length - 1] ?? 0;
  const figures = steps.map((activity, k) => {
    const count = g.reached[k] ?? 0;
    const prev = k === 0 ? count : (g.reached[k - 1] ?? 0);
    return {
      activity,
      count,
      conversion: entered === 0 ? 0 : count / entered,
      stepConversion: k === 0 ? 1 : prev === 0 ? 0 : count / prev,
      dropOff: k === 0 ? 0 : prev - count,
    };
  });
  const timeToConvert = converted > 0 ? { ...g.time, histogram: histogramBins(g, bins, converted) } : null;
  return {
    entered,
    converted,
    conversion: entered === 0 ? 0 : converted / entered,
    steps: figures,
    timeToConvert,
  };
}

/** Assembles a funnel result: overall group plus breakdown groups sorted by entered desc, value. */
export function funnelResult(
  steps: readonly string[],
  mode: FunnelResult["mode"],
  bins: number,
  overall: FunnelGroupAggregates,
  groups?: FunnelGroupAggregates[],
): FunnelResult {
  const result: FunnelResult = { mode, ...funnelFigures(steps, overall, bins) };
  if (groups) {
    result.breakdown = groups
      .map((g) => ({ value: g.value, ...funnelFigures(steps, g, bins) }))
      .sort((a, b) => b.entered - a.entered || compareBytes(a.value, b.value));
  }
  return result;
}

/** Value used for cases without the breakdown attribute. */
export const NO_VALUE = "(none)";
