/**
 * Interval logs: rows with a start and a completion time (BPI-style `Start Timestamp` +
 * `Complete Timestamp`). The event is at the completion (the timestamp column); when the row also
 * has a start column, the event gets `wayline:duration_ms` (completion − start) and `wayline:start`
 * (ISO 8601, UTC) — the attributes `--lifecycle merge` gives paired XES transitions — and the
 * start column itself stays an attribute as read.
 */
import { EVENT_DURATION_KEY, EVENT_START_KEY } from "../../domain/journey-data/duration-results.ts";
import type { ColumnMapping } from "../model.ts";

const key = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/** Timestamp columns that name a completion (compared like column candidates: case, spaces, `_`, `-` ignored). */
const COMPLETION_NAMES = new Set(["completetimestamp", "endtimestamp", "completetime", "endtime"]);
/** Start columns paired with a completion column. */
const START_NAMES = ["starttimestamp", "starttime"];

/** The start column of an interval log, or undefined when the log is not one. */
export function intervalStartColumn(headers: readonly string[], mapping: ColumnMapping): string | undefined {
  if (!COMPLETION_NAMES.has(key(mapping.timestamp))) return undefined;
  const taken = new Set([mapping.case, mapping.activity, mapping.timestamp]);
  for (const name of START_NAMES) {
    const hit = headers.find((h) => key(h) === name && !taken.has(h));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The duration attributes of an interval from `start` to `end` (epoch ms, start ≤ end). */
export function intervalAttrs(start: number, end: number): Record<string, string> {
  return { [EVENT_DURATION_KEY]: String(end - start), [EVENT_START_KEY]: new Date(start).toISOString() };
}
