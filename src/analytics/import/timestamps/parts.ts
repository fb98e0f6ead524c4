import { zoneOffsetMinutes } from "./zones.ts";

/** The fields of a written timestamp, as read from the text (strings as matched, or absent). */
export interface TimestampParts {
  year: number;
  month: number;
  day: number;
  hour?: string;
  minute?: string;
  second?: string;
  /** Digits after the decimal point of the seconds (any count; beyond milliseconds truncated). */
  fraction?: string;
  /** `AM`/`PM` (any case) for a 12-hour clock. */
  meridiem?: string;
  /** Offset or zone name; absent for a naive time. */
  zone?: string;
}

/** Largest |timestamp| in epoch ms: JavaScript's Date range, well inside int64. */
export const MAX_TIMESTAMP_MS = 8.64e15;

const inRange = (ms: number | null) => (ms !== null && Math.abs(ms) <= MAX_TIMESTAMP_MS ? ms : null);

/**
 * Epoch ms of `parts`, or null when a field is out of its range (month 13, 30 February, hour 24,
 * minute 61, a 12-hour clock past 12) or the zone is unknown. A naive time is read in
 * `naiveZone` (an IANA name or offset; UTC when absent).
 */
export function partsToMs(p: TimestampParts, naiveZone?: string): number | null {
  const { year, month, day } = p;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let hour = Number(p.hour ?? 0);
  const minute = Number(p.minute ?? 0);
  const second = Number(p.second ?? 0);
  if (minute > 59 || second > 59) return null;
  if (p.meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = p.meridiem.toUpperCase() === "PM";
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return null;
  const ms = Number((p.fraction ?? "").slice(0, 3).padEnd(3, "0"));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2021-02-30 over into March; reject instead of guessing. Years 0–99 are
  // mapped to 1900–1999 by Date.UTC, so the year is checked too.
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCFullYear() !== year) {
    if (year >= 0 && year < 100) {
      const fixed = new Date(wall);
      fixed.setUTCFullYear(year);
      if (fixed.getUTCDate() !== day) return null;
      return finish(fixed.getTime(), p.zone ?? naiveZone);
    }
    return null;
  }
  return finish(wall, p.zone ?? naiveZone);
}

function finish(wall: number, zone: string | undefined): number | null {
  if (zone === undefined) return inRange(wall);
  const offset = zoneOffsetMinutes(zone, wall);
  return offset === null ? null : inRange(wall - offset * 60_000);
}

/** Month names (English, full and three-letter) → 1–12. */
export const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ].flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
    ...(name === "september" ? [["sept", 9]] : []),
  ]),
);

/** Month number of an English month name or abbreviation (any case), or NaN. */
export function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase()] ?? Number.NaN;
}
