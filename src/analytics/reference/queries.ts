import type { DfgEdge, LogStats, PathsResult, VariantsResult } from "../engine.ts";
import type { LogEvent } from "../model.ts";
import { compareBytes, SEQUENCE_SEPARATOR, summarise } from "../percentile.ts";
import { countSorted, type Trace } from "./traces.ts";

const activitiesOf = (t: Trace): string[] => t.events.map((e) => e.activity);
const joinSeq = (a: string[]): string => a.join(SEQUENCE_SEPARATOR);

/** Log statistics over ordered traces. */
export function referenceStats(events: readonly LogEvent[], traces: readonly Trace[]): LogStats {
  const counted = (pick: (t: Trace) => string) =>
    countSorted(traces.map(pick), (a) => a).map(({ key, count }) => ({ activity: key, count }));
  return {
    events: events.length,
    cases: traces.length,
    activities: new Set(events.map((e) => e.activity)).size,
    variants: new Set(traces.map((t) => joinSeq(activitiesOf(t)))).size,
    startActivities: counted((t) => (t.events[0] as LogEvent).activity),
    endActivities: counted((t) => (t.events.at(-1) as LogEvent).activity),
    caseDuration: summarise(
      traces.map((t) => (t.events.at(-1) as LogEvent).timestamp - (t.events[0] as LogEvent).timestamp),
    ),
  };
}

/** Top variants by count desc, then joined sequence in byte order. */
export function referenceVariants(traces: readonly Trace[], top: number): VariantsResult {
  const all = countSorted(traces.map(activitiesOf), joinSeq);
  const cases = traces.length;
  const variants = all
    .slice(0, top)
    .map(({ key, count }) => ({ activities: key, count, share: count / cases }));
  const covered = variants.reduce((s, v) => s + v.count, 0);
  return { cases, total: all.length, variants, coverage: cases === 0 ? 0 : covered / cases };
}

/** Directly-follows edges with counts and mean/median gap. */
export function referenceDfg(traces: readonly Trace[]): DfgEdge[] {
  const gaps = new Map<string, { from: string; to: string; gaps: number[] }>();
  for (const t of traces) {
    for (let i = 1; i < t.events.length; i++) {
      const a = t.events[i - 1] as LogEvent;
      const b = t.events[i] as LogEvent;
      const key = joinSeq([a.activity, b.activity]);
      const edge = gaps.get(key) ?? { from: a.activity, to: b.activity, gaps: [] };
      edge.gaps.push(b.timestamp - a.timestamp);
      gaps.set(key, edge);
    }
  }
  return [...gaps.values()]
    .map(({ from, to, gaps: g }) => {
      const s = summarise(g);
      return { from, to, count: g.length, meanMs: s.meanMs, medianMs: s.medianMs };
    })
    .sort((x, y) => y.count - x.count || compareBytes(x.from, y.from) || compareBytes(x.to, y.to));
}

/**
 * Paths after (from) or before (to) the first occurrence of the anchor in each case, up to
 * `depth` activities; top paths by count desc then sequence, the rest in "other".
 */
export function referencePaths(
  traces: readonly Trace[],
  q: { from?: string; to?: string; depth: number; top: number },
): PathsResult {
  const anchor = (q.from ?? q.to) as string;
  const paths: string[][] = [];
  for (const t of traces) {
    const acts = activitiesOf(t);
    const at = acts.indexOf(anchor);
    if (at < 0) continue;
    paths.push(
      q.from !== undefined ? acts.slice(at + 1, at + 1 + q.depth) : acts.slice(Math.max(0, at - q.depth), at),
    );
  }
  const all = countSorted(paths, joinSeq);
  const listed = all.slice(0, q.top).map(({ key, count }) => ({ activities: key, count }));
  const covered = listed.reduce((s, p) => s + p.count, 0);
  return {
    anchor,
    direction: q.from !== undefined ? "from" : "to",
    cases: paths.length,
    paths: listed,
    other: paths.length - covered,
    otherPaths: all.length - listed.length,
  };
}
