// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { memo, useRef, useState } from "react";
import { type EmotionScale, neutralOf, type Stage } from "../../domain/index.ts";
import type { PointArgs } from "../../render/EmotionCurve.tsx";
import { type EmotionLayout, levelScale } from "../../render/emotion-geometry.ts";
import { faceIcon } from "../../render/picture-icons.tsx";
import { useSession } from "./session-context.ts";
import { wrapLines } from "./wrap-lines.ts";

/** What the emotion lane's tooltip shows for the hovered or focused point (null hides it). */
export interface PointTip {
  x: number;
  y: number;
  title: string;
  level: string;
  reason: string;
}

/** "positive", "negative" or "neutral": the colour family of a level on its scale. */
export function levelTone(scale: Pick<EmotionScale, "min" | "max">, v: number): string {
  const n = neutralOf(scale);
  return v > n ? "positive" : v < n ? "negative" : "neutral";
}

/** Moves focus to the neighbouring point of the same curve (arrow keys between stages). */
function focusNeighbour(from: Element, seriesIndex: number, stageIndex: number): void {
  const svg = (from as SVGElement).ownerSVGElement;
  svg?.querySelector<SVGElement>(`[data-point="${seriesIndex}:${stageIndex}"]`)?.focus();
}

type Props = PointArgs & {
  stage: Stage;
  scale: EmotionScale;
  layout: EmotionLayout;
  multi: boolean;
  selected: boolean;
  onSelect: () => void;
  /** Shows (or, with null, hides) the full reason in the lane's tooltip. */
  onTip: (tip: PointTip | null) => void;
};

/**
 * One emotion point as a slider: drag vertically (snaps to the scale's levels) or use the arrow
 * keys, Home/End, Page Up/Down. Stages without a point show a hollow handle at neutral that
 * creates the point when moved. Shows the level's face (an SVG icon, never system emoji) above and
 * the reason below, wrapped to two lines; the whole reason is in the tooltip and the slider's value text.
 */
function EmotionHandleView({
  x,
  y,
  value,
  reason,
  series,
  stage,
  scale,
  layout,
  multi,
  selected,
  onSelect,
  onTip,
  stageIndex,
  seriesIndex,
}: Props) {
  const session = useSession();
  const [dragValue, setDragValue] = useState<number | null>(null);
  const start = useRef<{ y: number; moved: boolean } | null>(null);
  const { y: yOf, levelAt } = levelScale(scale, layout);
  const set = (v: number) => {
    const next = Math.min(scale.max, Math.max(scale.min, v));
    if (next === value) return;
    session.dispatch([
      { type: "setEmotion", personaId: series.personaId as never, stageId: stage.id, value: next },
    ]);
  };
  const shown = dragValue ?? value;
  const cy = shown === null ? y : yOf(shown);
  const name = multi ? `Emotion at ${stage.name} for ${series.name}` : `Emotion at ${stage.name}`;
  const label = scale.levels.find((l) => l.value === shown)?.label;
  const onKeyDown = (e: React.KeyboardEvent) => {
    const base = value ?? Math.round((scale.min + scale.max) / 2);
    const step: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 2, PageDown: -2 };
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      focusNeighbour(e.currentTarget, seriesIndex, stageIndex + (e.key === "ArrowLeft" ? -1 : 1));
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key === "Escape") {
      // Leaves the curve for the lane header, where the arrow keys move around the grid again.
      e.currentTarget.closest('[role="row"]')?.querySelector<HTMLElement>('[role="rowheader"]')?.focus();
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key in step) set(value === null ? base : base + (step[e.key] as number));
    else if (e.key === "Home") set(scale.min);
    else if (e.key === "End") set(scale.max);
    else if (e.key === "Enter" || e.key === " ") onSelect();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  // In the chart's own units, whatever the zoom: the box is measured on screen, the chart is layout.height tall.
  const svgY = (e: React.PointerEvent) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement;
    const r = svg?.getBoundingClientRect();
    return r?.height ? ((e.clientY - r.top) * layout.height) / r.height : 0;
  };
  const tip = () =>
    reason || label
      ? onTip({ x, y: cy, title: stage.name, level: label ?? String(shown ?? ""), reason })
      : null;
  const Face = shown === null ? null : faceIcon((shown - scale.min) / (scale.max - scale.min));
  const lines = wrapLines(reason, Math.floor((layout.columnWidth - 20) / 6), 2);
  return (
    <g
      role="slider"
      tabIndex={0}
      aria-label={name}
      aria-valuemin={scale.min}
      aria-valuemax={scale.max}
      aria-valuenow={shown ?? undefined}
      aria-valuetext={
        shown === null ? "not set" : `${shown}${label ? ` (${label})` : ""}${reason ? `: ${reason}` : ""}`
      }
      aria-orientation="vertical"
      data-point={`${seriesIndex}:${stageIndex}`}
      className={`emotion-point${shown === null ? "" : ` level-${levelTone(scale, shown)}`}${shown === null ? " unset" : ""}${selected ? " selected" : ""}`}
      onKeyDown={onKeyDown}
      onFocus={tip}
      onBlur={() => onTip(null)}
      onPointerEnter={tip}
      onPointerLeave={() => onTip(null)}
      onPointerDown={(e) => {
        (e.currentTarget as Element).setPointerCapture(e.pointerId);
        start.current = { y: e.clientY, moved: false };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        if (Math.abs(e.clientY - start.current.y) > 3) start.current.moved = true;
        if (start.current.moved) setDragValue(levelAt(svgY(e)));
      }}
      onPointerUp={() => {
        const s = start.current;
        start.current = null;
        if (s?.moved && dragValue !== null) set(dragValue);
        else onSelect();
        setDragValue(null);
      }}
    >
      <circle cx={x} cy={cy} r={14} className="hit" />
      <circle
        cx={x}
        cy={cy}
        r={shown === null ? 5 : 6}
        fill={shown === null ? "none" : series.color}
        stroke={series.color}
        strokeWidth={2}
      />
      {Face ? (
        <Face x={x - 9} y={cy - 28} width={18} height={18} className="emotion-face" aria-hidden="true" />
      ) : null}
      {lines.length && dragValue === null ? (
        <text x={x} y={cy + 22} textAnchor="middle" className="emotion-reason">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one reason, rebuilt whole
            <tspan key={i} x={x} dy={i ? 13 : 0}>
              {l}
            </tspan>
          ))}
        </text>
      ) : null}
    </g>
  );
}

/**
 * Props that change what a handle draws or does. `onSelect` is left out: for a given handle (keyed
 * by persona and stage position) it always selects the same point, so a new closure changes nothing.
 */
function sameHandle(a: Props, b: Props): boolean {
  return (
    a.x === b.x &&
    a.y === b.y &&
    a.value === b.value &&
    a.reason === b.reason &&
    a.stageIndex === b.stageIndex &&
    a.seriesIndex === b.seriesIndex &&
    a.series.personaId === b.series.personaId &&
    a.series.name === b.series.name &&
    a.series.color === b.series.color &&
    a.stage.id === b.stage.id &&
    a.stage.name === b.stage.name &&
    a.scale === b.scale &&
    a.layout === b.layout &&
    a.multi === b.multi &&
    a.selected === b.selected &&
    a.onTip === b.onTip
  );
}

/** One emotion point as a slider; re-renders only when what it shows changes. */
export const EmotionHandle = memo(EmotionHandleView, sameHandle);
