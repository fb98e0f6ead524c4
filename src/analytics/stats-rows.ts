import type { ActivityCount, LogStats } from "./engine.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** SQL rows of a stats query, as both SQL engines name their columns. */
export interface StatsRows {
  /** `events`, `activities`. */
  events: Record<string, unknown> | undefined;
  /** `cases`, `med`, `mean`, `p90`, `mn`, `mx` (case durations in ms). */
  durations: Record<string, unknown> | undefined;
  /** Number of variants. */
  variants: unknown;
  startActivities: ActivityCount[];
  endActivities: ActivityCount[];
}

/** `LogStats` from the rows of an SQL engine (numbers may arrive as strings or bigints). */
export function statsFromRows(r: StatsRows): LogStats {
  const t = r.durations;
  return {
    events: num(r.events?.events),
    cases: num(t?.cases),
    activities: num(r.events?.activities),
    variants: num(r.variants),
    startActivities: r.startActivities,
    endActivities: r.endActivities,
    caseDuration: {
      medianMs: num(t?.med),
      meanMs: num(t?.mean),
      p90Ms: num(t?.p90),
      minMs: num(t?.mn),
      maxMs: num(t?.mx),
    },
  };
}
