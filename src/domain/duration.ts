const UNITS: readonly (readonly [unit: string, ms: number])[] = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["min", 60_000],
  ["s", 1000],
];

/**
 * A duration in milliseconds as people read it, in its two largest units: "3 d 4 h", "12 min",
 * "1 h 5 s" (a zero unit is left out), "850 ms" under a second, "–" when not finite. The web app
 * and the CLI both print durations with this.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of UNITS) {
    const v = Math.floor(rest / size);
    rest -= v * size;
    if (v > 0) parts.push(`${v} ${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(" ") || "0 s";
}

/** Milliseconds per unit of a written duration. */
export const DURATION_UNITS_MS = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

/** A unit of a written duration: `ms`, `s`, `m` (minutes), `h`, `d`, `w`. */
export type DurationUnit = keyof typeof DURATION_UNITS_MS;

/**
 * Reads a duration like `30m`, `12h`, `14d`, `2w` as milliseconds; null when it is not one. A bare
 * number is read in `bareUnit` when given (the CLI's `--window 5000`), else rejected (the API).
 */
export function parseDuration(text: string, bareUnit?: DurationUnit): number | null {
  const m = /^(\d+)(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!m) return null;
  const unit = (m[2] as DurationUnit | undefined) ?? bareUnit;
  return unit === undefined ? null : Number(m[1]) * DURATION_UNITS_MS[unit];
}
