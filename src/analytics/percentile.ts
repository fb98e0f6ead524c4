import type { DurationSummary } from "./engine.ts";

/**
 * Percentile by linear interpolation between closest ranks (Hyndman–Fan type 7, as numpy's
 * default, DuckDB `quantile_cont` and PostgreSQL `percentile_cont`): for sorted x[0..n-1],
 * h = p·(n−1), result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Every engine uses this formula.
 */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Median, mean, p90, min and max of values (zeros when empty). */
export function summarise(values: readonly number[]): DurationSummary {
  if (values.length === 0) return { medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 };
  const sorted = [...values].sort((x, y) => x - y);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    medianMs: percentileSorted(sorted, 0.5),
    meanMs: sum / sorted.length,
    p90Ms: percentileSorted(sorted, 0.9),
    minMs: sorted[0] as number,
    maxMs: sorted[sorted.length - 1] as number,
  };
}

/**
 * Time-to-convert histograms are equal-width over [min, max] of the converted cases: value v goes
 * to bin ⌊(v − min)·bins / (max − min)⌋ (integer arithmetic), the maximum into the last bin; a
 * single bin when min = max. Bin i spans min + i·(max − min)/bins to min + (i+1)·(max − min)/bins.
 */
/** The bin index of a value (see `histogram`). */
export function histogramBin(v: number, bins: number, min: number, max: number): number {
  if (max === min) return 0;
  return Math.min(bins - 1, Math.floor(((v - min) * bins) / (max - min)));
}

/** Byte-wise (UTF-8) string comparison, the order SQL engines use for text. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Separator used to join activity sequences into one comparable key (U+001F unit separator). */
export const SEQUENCE_SEPARATOR = "\u001f";
