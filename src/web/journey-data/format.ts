const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** A count with thousands separators (compact above a million). */
export const fmtCount = (n: number) => (Math.abs(n) >= 1e6 ? compact.format(n) : integer.format(n));

/** A share 0…1 as a percentage. */
export const fmtShare = (x: number | null, digits = 1) =>
  x === null || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)} %`;

/** A duration in ms as the two largest units (e.g. "3 d 4 h", "12 min"): the domain's formatter. */
export { formatDuration as fmtDuration } from "../../domain/duration.ts";

/** Bytes as KB / MB / GB. */
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
