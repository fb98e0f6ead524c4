/**
 * Timestamp parsing shared by every import path (the DuckDB fast path mirrors the ISO and epoch
 * part of it, see duckdb/load.ts).
 *
 * Read without a format (docs/guide/journey-data.md "Timestamps"):
 * - ISO 8601 / SQL style `YYYY-MM-DD[ T]HH:MM[:SS[.fff…]]`, also with slashes (`YYYY/MM/DD…`,
 *   both separators the same), plain dates;
 * - `DD.MM.YYYY[ HH:MM[:SS[.fff]]]` (day first);
 * - `DD/MM/YYYY` or `MM/DD/YYYY` (also with `-`): the order is decided from the whole file by the
 *   reader (timestamps/reader.ts), never guessed per value;
 * - RFC 2822 `[Tue, ]22 Oct 2014 11:15[:41] +0200`;
 * - a 12-hour clock (`03:15 PM`) after any of these; an offset (`Z`, `+01:00`, `+0100`, `+01`) or
 *   zone name (`UTC`, `GMT`, `EST`…`PDT`, `Europe/Berlin`);
 * - epoch numbers by magnitude: |v| < 1e11 seconds, < 1e14 milliseconds, < 1e17 microseconds,
 *   < 9.3e18 nanoseconds (int64 range); see `EPOCH_UNITS`.
 * A naive value (no offset or zone) is read in the time zone given (`timezone` option), else UTC.
 * Fractions beyond milliseconds are truncated.
 */
import { type DateOrder, DOTTED, ISO, type Layout, NUMERIC, RFC2822 } from "./timestamps/layouts.ts";
import { MAX_TIMESTAMP_MS, partsToMs } from "./timestamps/parts.ts";

export { MAX_TIMESTAMP_MS };

/**
 * The ISO pattern the DuckDB fast path matches before its TIMESTAMPTZ cast (offsets only, no zone
 * names or AM/PM: those values take the streaming path, which reads them with `parseTimestamp`).
 */
export const TIMESTAMP_PATTERN =
  "(\\d{4})(?:-(\\d{2})-|/(\\d{2})/)(\\d{2})(?:[T ]([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d)(?:[.,](\\d+))?)?)? ?(Z|z|[+-]\\d{2}(?::?\\d{2})?)?";

/** Epoch-number pattern (optional sign and fraction). */
export const EPOCH_PATTERN = "-?\\d+(?:\\.\\d+)?";

const EPOCH = new RegExp(`^${EPOCH_PATTERN}$`);

/**
 * Epoch units by magnitude: a value below `below` is in `unit`; ms = value × `times` ÷ `per`
 * (multiplying or dividing by an exact power of ten keeps integers exact).
 */
export const EPOCH_UNITS = [
  { unit: "s", below: 1e11, times: 1000, per: 1 },
  { unit: "ms", below: 1e14, times: 1, per: 1 },
  { unit: "µs", below: 1e17, times: 1, per: 1e3 },
  { unit: "ns", below: 9.3e18, times: 1, per: 1e6 },
] as const;

/** Epoch values below this magnitude are seconds (kept for callers of the two-unit rule). */
export const EPOCH_SECONDS_LIMIT = EPOCH_UNITS[0].below;

/** The unit an epoch number is read in, or null when it is too large for any (≥ 9.3e18). */
export function epochUnit(value: number): (typeof EPOCH_UNITS)[number] | null {
  const a = Math.abs(value);
  return EPOCH_UNITS.find((u) => a < u.below) ?? null;
}

/** Converts an epoch number (unit by magnitude, see `EPOCH_UNITS`) to epoch ms, truncating. */
export function epochToMs(value: number): number {
  const unit = epochUnit(value);
  return unit ? Math.floor((value * unit.times) / unit.per) : Number.NaN;
}

const inRange = (ms: number | null) =>
  ms !== null && Number.isFinite(ms) && Math.abs(ms) <= MAX_TIMESTAMP_MS ? ms : null;

/** What one cell was read as. */
export type Reading =
  | { ms: number; layout: string }
  | { ms: null; layout?: string }
  /** A numeric date with the year last whose day/month order is not known yet. */
  | { ms: null; undecided: true; evidence: DateOrder | null };

function written(
  layout: Layout,
  text: string,
  order: DateOrder | undefined,
  zone: string | undefined,
): Reading | null {
  const m = layout.pattern.exec(text);
  if (!m) return null;
  if (layout === NUMERIC && !order) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    return {
      ms: null,
      undecided: true,
      evidence: a > 12 && b <= 12 ? "dmy" : b > 12 && a <= 12 ? "mdy" : null,
    };
  }
  const ms = inRange(partsToMs(layout.parts(m, order), zone));
  const name = layout === NUMERIC ? (order === "dmy" ? "DD/MM/YYYY" : "MM/DD/YYYY") : layout.name;
  return ms === null ? { ms: null, layout: name } : { ms, layout: name };
}

/**
 * Reads one timestamp cell with the built-in layouts. `order` decides numeric dates with the
 * year last (without it they answer `undecided`); `zone` is the zone of naive values.
 */
export function readTimestamp(value: unknown, order?: DateOrder, zone?: string): Reading {
  if (typeof value === "number") {
    const unit = Number.isFinite(value) ? epochUnit(value) : null;
    return unit ? ({ ms: inRange(epochToMs(value)), layout: `epoch ${unit.unit}` } as Reading) : { ms: null };
  }
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { ms: null } : { ms: value.getTime(), layout: "date value" };
  if (typeof value !== "string") return { ms: null };
  const text = value.trim();
  if (EPOCH.test(text)) {
    const n = Number(text);
    const unit = epochUnit(n);
    if (!unit) return { ms: null, layout: "epoch" };
    const ms = inRange(epochToMs(n));
    return ms === null ? { ms: null, layout: `epoch ${unit.unit}` } : { ms, layout: `epoch ${unit.unit}` };
  }
  for (const layout of [ISO, DOTTED, NUMERIC, RFC2822]) {
    const r = written(layout, text, order, zone);
    if (r) return r;
  }
  return { ms: null };
}

/**
 * Parses a timestamp cell to epoch ms, or null when it is not a timestamp or out of range.
 * Numeric dates with the year last need `order` (a file's reader decides it from the data).
 */
export function parseTimestamp(value: unknown, order?: DateOrder, zone?: string): number | null {
  return readTimestamp(value, order, zone).ms;
}

/** Whether a cell is shaped like an epoch number but lies outside `MAX_TIMESTAMP_MS`. */
export function isOutOfRangeEpoch(value: unknown): boolean {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  return (EPOCH.test(text) || typeof value === "number") && parseTimestamp(value) === null && text !== "NaN";
}
