import type { FunnelResult, FunnelSpec } from "../engine.ts";
import { type FunnelGroupAggregates, funnelResult, NO_VALUE } from "../funnel-figures.ts";
import type { LogEvent } from "../model.ts";
import { histogramBin, summarise } from "../percentile.ts";
import type { Trace } from "./traces.ts";

/** How far one case got: reached steps (0 = not entered), conversion time, breakdown value. */
interface CaseFunnel {
  level: number;
  timeMs: number;
  value: string;
}

function chained(events: LogEvent[], spec: FunnelSpec, entry: number): { level: number; last: number } {
  const t0 = (events[entry] as LogEvent).timestamp;
  let pos = entry;
  let level = 1;
  for (const step of spec.steps.slice(1)) {
    let next = -1;
    if (spec.mode === "strict") {
      const e = events[pos + 1];
      if (e && e.activity === step && e.timestamp - t0 <= spec.windowMs) next = pos + 1;
    } else {
      next = events.findIndex((e, i) => i > pos && e.activity === step && e.timestamp - t0 <= spec.windowMs);
    }
    if (next < 0) break;
    pos = next;
    level++;
  }
  return { level, last: pos };
}

function anyOrder(events: LogEvent[], spec: FunnelSpec): { level: number; timeMs: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let level = 0;
  for (const step of spec.steps) {
    const first = events.find((e) => e.activity === step);
    if (!first) break;
    const nlo = Math.min(lo, first.timestamp);
    const nhi = Math.max(hi, first.timestamp);
    if (nhi - nlo > spec.windowMs) break;
    [lo, hi, level] = [nlo, nhi, level + 1];
  }
  return { level, timeMs: hi - lo };
}

/**
 * One case through the funnel. A case enters at its first occurrence of step 1. sequential: each
 * next step is its earliest occurrence after the previous step; strict: the event directly after
 * the previous step must be the next step; both within `windowMs` of the entry. any: the first
 * occurrences of steps 1..k all exist and lie within `windowMs` of each other.
 */
export function caseFunnel(trace: Trace, spec: FunnelSpec): CaseFunnel {
  const entry = trace.events.findIndex((e) => e.activity === spec.steps[0]);
  if (entry < 0) return { level: 0, timeMs: 0, value: NO_VALUE };
  const entryEvent = trace.events[entry] as LogEvent;
  const value = spec.by ? (entryEvent.attrs[spec.by] ?? NO_VALUE) : "";
  if (spec.mode === "any") return { ...anyOrder(trace.events, spec), value };
  const { level, last } = chained(trace.events, spec, entry);
  return { level, timeMs: (trace.events[last] as LogEvent).timestamp - entryEvent.timestamp, value };
}

function aggregate(value: string, cases: CaseFunnel[], spec: FunnelSpec): FunnelGroupAggregates {
  const n = spec.steps.length;
  const reached = spec.steps.map((_, k) => cases.filter((c) => c.level > k).length);
  const times = cases.filter((c) => c.level === n).map((c) => c.timeMs);
  const time = summarise(times);
  const binCounts = new Array<number>(spec.bins).fill(0);
  for (const t of times)
    binCounts[histogramBin(t, spec.bins, time.minMs, time.maxMs)] =
      (binCounts[histogramBin(t, spec.bins, time.minMs, time.maxMs)] ?? 0) + 1;
  return { value, reached, time, binCounts };
}

/** The funnel over all traces (see `caseFunnel` for the definitions). */
export function referenceFunnel(traces: readonly Trace[], spec: FunnelSpec): FunnelResult {
  const cases = traces.map((t) => caseFunnel(t, spec)).filter((c) => c.level > 0);
  const overall = aggregate("", cases, spec);
  if (!spec.by) return funnelResult(spec.steps, spec.mode, spec.bins, overall);
  const byValue = new Map<string, CaseFunnel[]>();
  for (const c of cases) {
    const list = byValue.get(c.value);
    if (list) list.push(c);
    else byValue.set(c.value, [c]);
  }
  const groups = [...byValue].map(([v, list]) => aggregate(v, list, spec));
  return funnelResult(spec.steps, spec.mode, spec.bins, overall, groups);
}
