import { scaleLinear } from "d3-scale";
import { curveMonotoneX, line } from "d3-shape";
import type { EmotionScale } from "../domain/index.ts";

/** Layout of an emotion chart: one column per stage, the scale top (max) to bottom (min). */
export interface EmotionLayout {
  /** Width of one stage column in px. */
  columnWidth: number;
  /** Chart height in px. */
  height: number;
  /** Vertical padding in px (room for emoji). */
  pad: number;
}

/** y coordinate of a level, and the level nearest to a y (snapped and clamped). */
export function levelScale(scale: Pick<EmotionScale, "min" | "max">, layout: EmotionLayout) {
  const y = scaleLinear()
    .domain([scale.min, scale.max])
    .range([layout.height - layout.pad, layout.pad]);
  return {
    y: (v: number) => y(v),
    levelAt: (py: number) => Math.min(scale.max, Math.max(scale.min, Math.round(y.invert(py)))),
  };
}

/** x coordinate of the centre of stage column `i`. */
export const columnX = (i: number, layout: EmotionLayout) => i * layout.columnWidth + layout.columnWidth / 2;

/** SVG path of a smooth curve (monotone in x, so it never overshoots a level) through points. */
export function curvePath(points: readonly [number, number][]): string {
  return (
    line<[number, number]>()
      .x((p) => p[0])
      .y((p) => p[1])
      .curve(curveMonotoneX)(points as [number, number][]) ?? ""
  );
}
