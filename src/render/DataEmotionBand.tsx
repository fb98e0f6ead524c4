import type { EmotionScale } from "../domain/index.ts";
import { columnX, curvePath, type EmotionLayout, levelScale } from "./emotion-geometry.ts";

/** A data-backed emotion value of one stage on the map's scale, with its 95 % interval. */
export interface EmotionEstimate {
  value: number;
  low: number;
  high: number;
}

/** Props of the data-backed emotion overlay. */
export interface DataEmotionBandProps {
  scale: Pick<EmotionScale, "min" | "max">;
  layout: EmotionLayout;
  /** Per stage index: the estimate, or null where the stage has no survey scores. */
  estimates: (EmotionEstimate | null)[];
  /** Accessible name and legend text. */
  label?: string;
}

const clamp = (v: number, s: Pick<EmotionScale, "min" | "max">) => Math.min(s.max, Math.max(s.min, v));

/**
 * The emotion measured by surveys, drawn beside the assumed curve: a shaded 95 % band, a dotted
 * line through the estimates and a ring per stage (runs of stages without data break the curve).
 * Uses the same scales and stage positions as `EmotionCurve`, so it lines up column for column.
 */
export function DataEmotionBand({
  scale,
  layout,
  estimates,
  label = "Emotion from survey data",
}: DataEmotionBandProps) {
  const { y } = levelScale(scale, layout);
  const width = estimates.length * layout.columnWidth;
  const runs: { i: number; e: EmotionEstimate }[][] = [];
  let run: { i: number; e: EmotionEstimate }[] = [];
  estimates.forEach((e, i) => {
    if (e) run.push({ i, e });
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return (
    <svg
      className="data-emotion"
      width={width}
      height={layout.height}
      viewBox={`0 0 ${width} ${layout.height}`}
      role="img"
      aria-label={`${label}: ${estimates
        .map((e, i) =>
          e ? `stage ${i + 1} ${e.value.toFixed(1)} (${e.low.toFixed(1)} to ${e.high.toFixed(1)})` : null,
        )
        .filter(Boolean)
        .join(", ")}`}
    >
      {runs.map((r) => {
        const upper = r.map((p) => [columnX(p.i, layout), y(clamp(p.e.high, scale))] as [number, number]);
        const lower = r.map((p) => [columnX(p.i, layout), y(clamp(p.e.low, scale))] as [number, number]);
        const band =
          r.length === 1
            ? bar(upper[0] as [number, number], lower[0] as [number, number])
            : `${curvePath(upper)}L${curvePath([...lower].reverse()).slice(1)}Z`;
        return (
          <g key={r[0]?.i}>
            <path d={band} className="data-emotion-band" />
            <path
              d={curvePath(r.map((p) => [columnX(p.i, layout), y(clamp(p.e.value, scale))]))}
              className="data-emotion-line"
              fill="none"
            />
          </g>
        );
      })}
      {estimates.map((e, i) =>
        e ? (
          <circle
            // biome-ignore lint/suspicious/noArrayIndexKey: one estimate per stage index
            key={i}
            cx={columnX(i, layout)}
            cy={y(clamp(e.value, scale))}
            r={4.5}
            className="data-emotion-point"
          >
            <title>{`${label}: ${e.value.toFixed(2)} (95 % ${e.low.toFixed(2)} – ${e.high.toFixed(2)})`}</title>
          </circle>
        ) : null,
      )}
    </svg>
  );
}

/** A single stage's band: a short vertical capsule around its x. */
function bar([x, top]: [number, number], [, bottom]: [number, number]): string {
  const w = 10;
  return `M${x - w},${top}H${x + w}V${bottom}H${x - w}Z`;
}
