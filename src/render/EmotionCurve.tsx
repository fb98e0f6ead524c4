import type { ReactNode } from "react";
import { type EmotionScale, neutralOf } from "../domain/index.ts";
import { columnX, curvePath, type EmotionLayout, levelScale } from "./emotion-geometry.ts";

/** One persona's curve (or the map's own curve when it has no personas). */
export interface EmotionSeries {
  /** Persona id, null for a map without personas. */
  personaId: string | null;
  /** Name shown in the legend and accessible names. */
  name: string;
  /** Line colour. */
  color: string;
  /** Value per stage index (null where the stage has no point), with emoji and reason. */
  points: ({ value: number; emoji: string | null; reason: string } | null)[];
}

/** Props of the emotion chart. */
export interface EmotionCurveProps {
  scale: EmotionScale;
  series: EmotionSeries[];
  stageCount: number;
  layout: EmotionLayout;
  /** Draws the points; the editor passes interactive sliders, exports leave the default. */
  renderPoint?: (args: PointArgs) => ReactNode;
}

/** What a point renderer receives. */
export interface PointArgs {
  series: EmotionSeries;
  seriesIndex: number;
  stageIndex: number;
  x: number;
  y: number;
  value: number | null;
  emoji: string;
  reason: string;
}

/** Emoji of a level on a scale (the point's own emoji wins). */
export function emojiOf(scale: EmotionScale, value: number, own: string | null): string {
  return own ?? scale.levels.find((l) => l.value === value)?.emoji ?? "";
}

/**
 * The emotion lane as SVG: neutral line, faint level guides, a smooth curve per series through
 * its points (gaps skip stages without a point) and a point per stage. Pure: used by the editor
 * and by SVG/PNG/PDF exports (`renderToStaticMarkup`). Text is rendered as text, never as HTML.
 */
export function EmotionCurve({ scale, series, stageCount, layout, renderPoint }: EmotionCurveProps) {
  const { y } = levelScale(scale, layout);
  const width = stageCount * layout.columnWidth;
  const neutral = y(neutralOf(scale));
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group of sliders; <fieldset> cannot live in SVG
    <svg
      className="emotion-curve"
      width={width}
      height={layout.height}
      viewBox={`0 0 ${width} ${layout.height}`}
      role="group"
      aria-label="Emotion curve"
    >
      {levels.map((v) => (
        <line key={v} x1={0} x2={width} y1={y(v)} y2={y(v)} className="emotion-guide" />
      ))}
      <line x1={0} x2={width} y1={neutral} y2={neutral} className="emotion-neutral" />
      {series.map((s, si) => {
        const pts = s.points.flatMap((p, i) =>
          p ? [[columnX(i, layout), y(p.value)] as [number, number]] : [],
        );
        return (
          <path
            key={s.personaId ?? "map"}
            d={curvePath(pts)}
            fill="none"
            stroke={s.color}
            strokeWidth={2.5}
            strokeDasharray={si > 0 ? "6 3" : undefined}
            className="emotion-line"
          />
        );
      })}
      {series.map((s, si) =>
        s.points.map((p, i) => {
          const args: PointArgs = {
            series: s,
            seriesIndex: si,
            stageIndex: i,
            x: columnX(i, layout),
            y: p ? y(p.value) : neutral,
            value: p?.value ?? null,
            emoji: p ? emojiOf(scale, p.value, p.emoji) : "",
            reason: p?.reason ?? "",
          };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: one point per stage index per series
            <g key={`${s.personaId}-${i}`}>{renderPoint ? renderPoint(args) : <StaticPoint {...args} />}</g>
          );
        }),
      )}
    </svg>
  );
}

/** A non-interactive point: dot, emoji above, reason below. */
export function StaticPoint({ x, y, value, emoji, reason, series }: PointArgs) {
  if (value === null) return null;
  return (
    <>
      <circle cx={x} cy={y} r={5} fill={series.color} />
      <text x={x} y={y - 10} textAnchor="middle" className="emotion-emoji">
        {emoji}
      </text>
      {reason ? (
        <text x={x} y={y + 20} textAnchor="middle" className="emotion-reason">
          {reason.length > 38 ? `${reason.slice(0, 37)}…` : reason}
        </text>
      ) : null}
    </>
  );
}
