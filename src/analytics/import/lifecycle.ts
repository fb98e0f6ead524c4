/**
 * The lifecycle option: what to do with events that carry a lifecycle transition (XES
 * `lifecycle:transition`, also a CSV column of that name — start, complete, schedule …).
 *
 * - `all` (default): every transition is an event, as pm4py and the published figures read logs.
 * - `complete`: only completions (and events without a transition) are kept.
 * - `merge`: each `start` is paired with the next `complete` of the same activity in the same case
 *   (first in, first out) into one event at the completion time with attributes
 *   `wayline:duration_ms` and `wayline:start`; other transitions (schedule, suspend …) are
 *   dropped; a start never completed is kept as its own event. At most `MAX_OPEN_STARTS` starts
 *   wait for their completion; past that the oldest is kept unpaired.
 */
import type { ImportReport, LogEvent } from "../model.ts";

/** The lifecycle attribute. */
export const LIFECYCLE_KEY = "lifecycle:transition";
/** Attributes a merged event gets. */
export const DURATION_KEY = "wayline:duration_ms";
export const START_KEY = "wayline:start";
/** Starts waiting for their completion in `merge` (bounds memory on logs that never complete). */
export const MAX_OPEN_STARTS = 1_000_000;

export type LifecycleMode = "all" | "complete" | "merge";

/** What the lifecycle option did. */
export interface LifecycleReport {
  mode: LifecycleMode;
  /** Events read per transition value (lower case). */
  transitions: Record<string, number>;
  /** Events left out (`complete`: other transitions; `merge`: neither start nor complete). */
  dropped: number;
  /** Start/complete pairs merged into one event (`merge`). */
  merged: number;
  /** Starts kept without a completion (`merge`). */
  unpaired: number;
}

/** Applies the lifecycle option to a stream of events; fills `report.lifecycle` and, at the end, fixes `report.events`. */
export async function* applyLifecycle(
  events: AsyncIterable<LogEvent>,
  mode: LifecycleMode,
  report: ImportReport,
): AsyncGenerator<LogEvent> {
  const r: LifecycleReport = { mode, transitions: {}, dropped: 0, merged: 0, unpaired: 0 };
  let seen = false;
  // Open starts: per case + activity a queue of ids; `byAge` holds them in arrival order.
  const open = new Map<string, number[]>();
  const byAge = new Map<number, { key: string; event: LogEvent }>();
  let nextId = 0;
  const take = (key: string): LogEvent | undefined => {
    const q = open.get(key);
    const id = q?.shift();
    if (q && q.length === 0) open.delete(key);
    if (id === undefined) return undefined;
    const entry = byAge.get(id);
    byAge.delete(id);
    return entry?.event;
  };
  for await (const e of events) {
    const raw = e.attrs[LIFECYCLE_KEY];
    if (raw === undefined) {
      yield e;
      continue;
    }
    if (!seen) report.lifecycle = r;
    seen = true;
    const t = raw.trim().toLowerCase();
    r.transitions[t] = (r.transitions[t] ?? 0) + 1;
    const key = `${e.caseId}\u0000${e.activity}`;
    if (mode === "all") yield e;
    else if (mode === "complete") {
      if (t === "complete") yield e;
      else drop(r);
    } else if (t === "start") {
      const id = nextId++;
      byAge.set(id, { key, event: e });
      const q = open.get(key);
      if (q) q.push(id);
      else open.set(key, [id]);
      if (byAge.size > MAX_OPEN_STARTS) {
        const [oldestId, entry] = byAge.entries().next().value as [number, { key: string; event: LogEvent }];
        const q2 = open.get(entry.key);
        if (q2) {
          q2.splice(q2.indexOf(oldestId), 1);
          if (q2.length === 0) open.delete(entry.key);
        }
        byAge.delete(oldestId);
        r.unpaired++;
        yield entry.event;
      }
    } else if (t === "complete") {
      const start = take(key);
      if (start) {
        r.merged++;
        yield {
          ...e,
          attrs: {
            ...start.attrs,
            ...e.attrs,
            [DURATION_KEY]: String(e.timestamp - start.timestamp),
            [START_KEY]: new Date(start.timestamp).toISOString(),
          },
        };
      } else yield e;
    } else drop(r);
  }
  for (const { event } of byAge.values()) {
    r.unpaired++;
    yield event;
  }
  // Only now: while streaming, `report.events` numbers the events (their `seq`), so it must not
  // go back (a repeated seq would make ties order differently between engines).
  report.events -= r.dropped + r.merged;
}

function drop(r: LifecycleReport): void {
  r.dropped++;
}
