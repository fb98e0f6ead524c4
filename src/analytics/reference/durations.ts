import {
  type ActivityDurationsResult,
  DURATION_PATTERN,
  EVENT_DURATION_KEY,
  type StageDurationsResult,
} from "../../domain/journey-data/duration-results.ts";
import type { StageDurationsSpec } from "../durations-query.ts";
import type { LogEvent } from "../model.ts";
import { compareBytes, summarise } from "../percentile.ts";
import type { Trace } from "./traces.ts";

const DURATION = new RegExp(DURATION_PATTERN);

/** An event's own duration in ms, or null when it has none (see `DURATION_PATTERN`). */
export function eventDuration(e: LogEvent): number | null {
  const v = e.attrs[EVENT_DURATION_KEY];
  return v !== undefined && DURATION.test(v) ? Number(v) : null;
}

/** Per activity (byte order): events, events with a duration, and their distribution. */
export function referenceActivityDurations(events: readonly LogEvent[]): ActivityDurationsResult {
  const by = new Map<string, { events: number; values: number[] }>();
  let measured = 0;
  for (const e of events) {
    const entry = by.get(e.activity) ?? { events: 0, values: [] };
    entry.events++;
    const d = eventDuration(e);
    if (d !== null) {
      entry.values.push(d);
      measured++;
    }
    by.set(e.activity, entry);
  }
  const activities = [...by.entries()]
    .sort(([a], [b]) => compareBytes(a, b))
    .map(([activity, { events: n, values }]) => ({
      activity,
      events: n,
      measured: values.length,
      duration: summarise(values),
    }));
  return { events: events.length, measured, activities };
}

/**
 * Time in stage of one case for each stage it reaches (first visit only): from the first event of
 * the stage to the first later event of another stage, else to the case's last stage event.
 * Events of activities in no stage are skipped (they neither enter nor leave a stage).
 */
function caseStageTimes(t: Trace, stageOf: ReadonlyMap<string, number>): Map<number, number> {
  const mapped = t.events.flatMap((e) => {
    const st = stageOf.get(e.activity);
    return st === undefined ? [] : [{ st, ts: e.timestamp }];
  });
  const times = new Map<number, number>();
  mapped.forEach(({ st, ts }, i) => {
    if (times.has(st)) return;
    const exit = mapped.find((m, j) => j > i && m.st !== st);
    times.set(st, (exit ?? (mapped.at(-1) as { ts: number })).ts - ts);
  });
  return times;
}

/** Per stage (in the order asked): cases reaching it and their time in stage. */
export function referenceStageDurations(
  traces: readonly Trace[],
  spec: StageDurationsSpec,
): StageDurationsResult {
  const values = spec.keys.map((): number[] => []);
  for (const t of traces)
    for (const [st, d] of caseStageTimes(t, spec.stageOf)) (values[st] as number[]).push(d);
  return {
    stages: spec.keys.map((key, i) => {
      const v = values[i] as number[];
      return { key, cases: v.length, duration: summarise(v) };
    }),
  };
}
