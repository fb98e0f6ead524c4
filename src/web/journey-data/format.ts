const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** A count with thousands separators (compact above a million). */
export const fmtCount = (n: number) => (Math.abs(n) >= 1e6 ? compact.format(n) : integer.format(n));

/** A share 0…1 as a percentage. */
export const fmtShare = (x: number | null, digits = 1) =>
  x === null || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)} %`;

/** A duration in ms as the two largest units (e.g. "3 d 4 h", "12 min"). */
export function fmtDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["min", 60_000],
    ["s", 1000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [u, size] of units) {
    const v = Math.floor(rest / size);
    if (v > 0 || parts.length) {
      if (v > 0) parts.push(`${v} ${u}`);
      rest -= v * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(" ") || "0 s";
}

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
