import { curvePath, levelScale } from "./emotion-geometry.ts";

/** One stage of the chart. */
export interface DeltaPoint {
  /** Stage name (drawn under the column). */
  label: string;
  /** Level in the current map, null without points or for an added stage. */
  before: number | null;
  /** Level in the future map, null without points or for a removed stage. */
  after: number | null;
}

const trim = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Current vs future emotion per stage: the current curve dashed and muted, the future curve in
 * the accent colour, and an arrow per stage from before to after (green up, red down). Colours are
 * CSS classes so themes apply; labels are text, never HTML.
 */
export function EmotionDeltaChart({
  points,
  scale,
  columnWidth = 120,
  height = 200,
}: {
  points: DeltaPoint[];
  scale: { min: number; max: number };
  columnWidth?: number;
  height?: number;
}) {
  const labelRoom = 34;
  const layout = { columnWidth, height: height - labelRoom, pad: 18 };
  const { y } = levelScale(scale, layout);
  const width = Math.max(1, points.length) * columnWidth;
  const x = (i: number) => i * columnWidth + columnWidth / 2;
  const line = (pick: (p: DeltaPoint) => number | null) =>
    curvePath(
      points.flatMap((p, i) => (pick(p) === null ? [] : [[x(i), y(pick(p) as number)] as [number, number]])),
    );
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const neutral = scale.min <= 0 && scale.max >= 0 ? 0 : (scale.min + scale.max) / 2;
  return (
    <svg
      className="delta-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Emotion per stage, current state dashed, future state solid"
    >
      <defs>
        <marker
          id="delta-arrow-up"
          viewBox="0 0 10 10"
          refX="5"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="delta-up-fill" />
        </marker>
        <marker
          id="delta-arrow-down"
          viewBox="0 0 10 10"
          refX="5"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="delta-down-fill" />
        </marker>
      </defs>
      {levels.map((v) => (
        <line key={v} x1={0} x2={width} y1={y(v)} y2={y(v)} className="emotion-guide" />
      ))}
      <line x1={0} x2={width} y1={y(neutral)} y2={y(neutral)} className="emotion-neutral" />
      <path d={line((p) => p.before)} className="delta-before" fill="none" />
      <path d={line((p) => p.after)} className="delta-after" fill="none" />
      {points.map((p, i) => {
        const up = p.before !== null && p.after !== null && p.after > p.before;
        const down = p.before !== null && p.after !== null && p.after < p.before;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: one column per row, in order
          <g key={i}>
            {up || down ? (
              <line
                x1={x(i)}
                x2={x(i)}
                y1={y(p.before as number)}
                y2={y(p.after as number) + (up ? 5 : -5)}
                className={up ? "delta-up" : "delta-down"}
                markerEnd={`url(#delta-arrow-${up ? "up" : "down"})`}
              />
            ) : null}
            {p.before !== null ? (
              <circle cx={x(i)} cy={y(p.before)} r={4} className="delta-before-dot" />
            ) : null}
            {p.after !== null ? <circle cx={x(i)} cy={y(p.after)} r={5} className="delta-after-dot" /> : null}
            <text x={x(i)} y={height - 18} textAnchor="middle" className="delta-label">
              {trim(p.label, 18)}
            </text>
            {p.before !== null && p.after !== null && p.after !== p.before ? (
              <text
                x={x(i)}
                y={height - 4}
                textAnchor="middle"
                className={up ? "delta-up-text" : "delta-down-text"}
              >
                {up ? "+" : ""}
                {Math.round((p.after - p.before) * 100) / 100}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
