import type { KpiEntry } from "../../domain/model/card.ts";

/**
 * A small SVG line of a KPI's history (oldest left), with its target as a dashed line. Scaled to
 * the values and the target; a single value is drawn as a dot.
 */
export function Sparkline({
  history,
  target,
  width = 96,
  height = 24,
  label,
}: {
  history: readonly KpiEntry[];
  target: number | null;
  width?: number;
  height?: number;
  label: string;
}) {
  if (!history.length) return null;
  const values = history.map((e) => e.value);
  const all = target === null ? values : [...values, target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = 3;
  const x = (i: number) =>
    history.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (history.length - 1);
  const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) * (height - 2 * pad)) / (hi - lo));
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values.length - 1;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img">
      <title>{label}</title>
      {target === null ? null : (
        <line
          x1={0}
          x2={width}
          y1={y(target)}
          y2={y(target)}
          className="sparkline-target"
          strokeDasharray="3 2"
        />
      )}
      {values.length > 1 ? <polyline points={points} className="sparkline-line" fill="none" /> : null}
      <circle cx={x(last)} cy={y(values[last] as number)} r={2.5} className="sparkline-dot" />
    </svg>
  );
}

/** Text alternative of a sparkline: "12 → 21 (target 30)". */
export function sparklineLabel(history: readonly KpiEntry[], target: number | null, unit: string): string {
  const u = unit ? ` ${unit}` : "";
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return "No history";
  const span =
    first === last
      ? `${last.value}${u}`
      : `${first.value}${u} (${first.date}) → ${last.value}${u} (${last.date})`;
  return `${span}${target === null ? "" : `, target ${target}${u}`}`;
}
