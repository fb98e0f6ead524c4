/**
 * Timestamp parsing shared by every import path (and mirrored by the DuckDB fast path).
 *
 * Accepted: ISO 8601 / SQL-style `YYYY-MM-DD[ T]HH:MM[:SS[.fff…]]` with an optional offset
 * (`Z`, `+01:00`, `+0100`, `+01`), plain dates `YYYY-MM-DD`, the same with slashes
 * (`YYYY/MM/DD[ HH:MM[:SS[.fff]]]`, as process-mining tools export; both separators must be the
 * same), and epoch numbers. A value without an
 * offset ("naive") is taken as UTC. Fractions beyond milliseconds are truncated. Epoch numbers
 * with |value| < 1e11 are seconds, larger ones milliseconds (1e11 s is the year 5138).
 */

/** The textual timestamp pattern; the DuckDB fast path uses the same expression. */
export const TIMESTAMP_PATTERN =
  "(\\d{4})(?:-(\\d{2})-|/(\\d{2})/)(\\d{2})(?:[T ]([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d)(?:[.,](\\d+))?)?)? ?(Z|z|[+-]\\d{2}(?::?\\d{2})?)?";

/** Epoch-number pattern (seconds or milliseconds, optional fraction). */
export const EPOCH_PATTERN = "-?\\d+(?:\\.\\d+)?";

const TEXT = new RegExp(`^${TIMESTAMP_PATTERN}$`);
const EPOCH = new RegExp(`^${EPOCH_PATTERN}$`);

/**
 * Largest |timestamp| in epoch ms: JavaScript's Date range (±100 000 000 days, years −271821 …
 * 275760), well inside int64, so no store or engine ever overflows.
 */
export const MAX_TIMESTAMP_MS = 8.64e15;

/** Epoch values below this magnitude are seconds, at or above it milliseconds. */
export const EPOCH_SECONDS_LIMIT = 1e11;

/** Converts an epoch number (seconds or ms, see module doc) to epoch ms, truncating. */
export function epochToMs(value: number): number {
  const ms = Math.abs(value) < EPOCH_SECONDS_LIMIT ? value * 1000 : value;
  return Math.floor(ms);
}

function offsetMinutes(tz: string | undefined): number {
  if (!tz || tz === "Z" || tz === "z") return 0;
  const sign = tz.startsWith("-") ? -1 : 1;
  const digits = tz.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function textToMs(m: RegExpExecArray): number | null {
  // Month is group 2 (dash form) or 3 (slash form); RE2 (DuckDB) has no backreferences.
  const [, y, dashMonth, slashMonth, d, h = "0", mi = "0", s = "0", frac = "", tz] = m;
  const month = Number(dashMonth ?? slashMonth);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  // Date.UTC rolls 2021-02-30 over into March; reject instead of guessing.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - offsetMinutes(tz) * 60_000;
}

const inRange = (ms: number | null) => (ms !== null && Math.abs(ms) <= MAX_TIMESTAMP_MS ? ms : null);

/** Parses a timestamp cell to epoch ms, or null when it is not a timestamp or out of range. */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? inRange(epochToMs(value)) : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (EPOCH.test(text)) return inRange(epochToMs(Number(text)));
  const m = TEXT.exec(text);
  return m ? inRange(textToMs(m)) : null;
}

/** Whether a cell is shaped like an epoch number but lies outside `MAX_TIMESTAMP_MS`. */
export function isOutOfRangeEpoch(value: unknown): boolean {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  return (EPOCH.test(text) || typeof value === "number") && parseTimestamp(value) === null && text !== "NaN";
}
