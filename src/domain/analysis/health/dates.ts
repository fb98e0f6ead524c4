/** Adds whole months to a YYYY-MM-DD date, clamping to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.slice(0, 10).split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** True when YYYY-MM-DD `a` is strictly before `b` (ISO dates compare as strings). */
export function isBefore(a: string, b: string): boolean {
  return a.slice(0, 10) < b.slice(0, 10);
}
