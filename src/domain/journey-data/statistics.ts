/** Small statistics helpers with 95 % confidence intervals. */

/** Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom (then the normal 1.96). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t quantile for a 95 % interval with `df` degrees of freedom. */
export function tQuantile95(df: number): number {
  return df >= 1 && df <= 30 ? (T975[df - 1] as number) : 1.96;
}

/** A value with its 95 % confidence interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** Mean with a t-based 95 % interval (a single value has a zero-width interval). */
export function meanEstimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { value: mean, low: mean, high: mean };
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const half = tQuantile95(n - 1) * Math.sqrt(variance / n);
  return { value: mean, low: mean - half, high: mean + half };
}

/** Wilson score 95 % interval of a proportion `k / n`. */
export function wilson(k: number, n: number): Estimate {
  const z = 1.96;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Net Promoter Score (−100…100) with a 95 % interval from the multinomial variance. */
export function npsEstimate(scores: readonly number[]): Estimate {
  const n = scores.length;
  const p = scores.filter((s) => s >= 9).length / n;
  const d = scores.filter((s) => s <= 6).length / n;
  const nps = p - d;
  const se = Math.sqrt(Math.max(0, p + d - nps * nps) / n);
  const clamp = (x: number) => Math.max(-100, Math.min(100, x * 100));
  return { value: nps * 100, low: clamp(nps - 1.96 * se), high: clamp(nps + 1.96 * se) };
}
