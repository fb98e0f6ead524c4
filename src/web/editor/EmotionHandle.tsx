// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { memo, useRef, useState } from "react";
import type { EmotionScale, Stage } from "../../domain/index.ts";
import type { PointArgs } from "../../render/EmotionCurve.tsx";
import { type EmotionLayout, levelScale } from "../../render/emotion-geometry.ts";
import { useSession } from "./session-context.ts";

type Props = PointArgs & {
  stage: Stage;
  scale: EmotionScale;
  layout: EmotionLayout;
  multi: boolean;
  selected: boolean;
  onSelect: () => void;
};

/**
 * One emotion point as a slider: drag vertically (snaps to the scale's levels) or use the arrow
 * keys, Home/End, Page Up/Down. Stages without a point show a hollow handle at neutral that
 * creates the point when moved. Shows the emoji above and the reason below.
 */
function EmotionHandleView({
  x,
  y,
  value,
  emoji,
  reason,
  series,
  stage,
  scale,
  layout,
  multi,
  selected,
  onSelect,
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
    const step: Record<string, number> = {
      ArrowUp: 1,
      ArrowRight: 1,
      ArrowDown: -1,
      ArrowLeft: -1,
      PageUp: 2,
      PageDown: -2,
    };
    if (e.key in step) set(value === null ? base : base + (step[e.key] as number));
    else if (e.key === "Home") set(scale.min);
    else if (e.key === "End") set(scale.max);
    else if (e.key === "Enter" || e.key === " ") onSelect();
    else return;
    e.preventDefault();
  };
  const svgY = (e: React.PointerEvent) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement;
    const r = svg?.getBoundingClientRect();
    return r ? e.clientY - r.top : 0;
  };
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
      className={`emotion-point${shown === null ? " unset" : ""}${selected ? " selected" : ""}`}
      onKeyDown={onKeyDown}
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
      {shown !== null ? (
        <text x={x} y={cy - 13} textAnchor="middle" className="emotion-emoji">
          {dragValue !== null ? (scale.levels.find((l) => l.value === dragValue)?.emoji ?? "") : emoji}
        </text>
      ) : null}
      {reason && dragValue === null ? (
        <text x={x} y={cy + 24} textAnchor="middle" className="emotion-reason">
          {reason.length > 34 ? `${reason.slice(0, 33)}…` : reason}
          <title>{reason}</title>
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
    a.emoji === b.emoji &&
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
    a.selected === b.selected
  );
}

/** One emotion point as a slider; re-renders only when what it shows changes. */
export const EmotionHandle = memo(EmotionHandleView, sameHandle);
