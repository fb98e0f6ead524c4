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

/**
 * Points along the smooth curve `curvePath` draws (d3's monotone-X cubic, the same tangents), about
 * `step` px apart: for placing labels clear of the line.
 */
export function curveSamples(points: readonly [number, number][], step = 4): [number, number][] {
  const n = points.length;
  if (n < 2) return points.map((p) => [p[0], p[1]]);
  const slope = (i: number) => {
    const [x0, y0] = points[i] as [number, number];
    const [x1, y1] = points[i + 1] as [number, number];
    return (y1 - y0) / (x1 - x0 || 1);
  };
  const t: number[] = points.map((_, i) => {
    if (i === 0 || i === n - 1) return Number.NaN;
    const h0 = (points[i] as [number, number])[0] - (points[i - 1] as [number, number])[0];
    const h1 = (points[i + 1] as [number, number])[0] - (points[i] as [number, number])[0];
    const s0 = slope(i - 1);
    const s1 = slope(i);
    const p = (s0 * h1 + s1 * h0) / (h0 + h1 || 1);
    return (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  });
  if (n === 2) t[0] = t[1] = slope(0);
  else {
    t[0] = (3 * slope(0) - (t[1] as number)) / 2;
    t[n - 1] = (3 * slope(n - 2) - (t[n - 2] as number)) / 2;
  }
  const out: [number, number][] = [];
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = points[i] as [number, number];
    const [x1, y1] = points[i + 1] as [number, number];
    const dx = (x1 - x0) / 3;
    const c1 = [x0 + dx, y0 + dx * (t[i] as number)];
    const c2 = [x1 - dx, y1 - dx * (t[i + 1] as number)];
    const k = Math.max(2, Math.ceil((x1 - x0) / step));
    for (let j = 0; j < k; j++) {
      const u = j / k;
      const v = 1 - u;
      const a = v * v * v;
      const b = 3 * v * v * u;
      const c = 3 * v * u * u;
      const d = u * u * u;
      out.push([
        a * x0 + b * (c1[0] as number) + c * (c2[0] as number) + d * x1,
        a * y0 + b * (c1[1] as number) + c * (c2[1] as number) + d * y1,
      ]);
    }
  }
  out.push([...(points[n - 1] as [number, number])]);
  return out;
}
