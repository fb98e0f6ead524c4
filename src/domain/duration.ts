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
