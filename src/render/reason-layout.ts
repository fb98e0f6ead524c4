import { textWidth, wrapText } from "./picture-layout.ts";

/** Points along the drawn curves (lane coordinates), avoided by reasons where there is room. */
export type CurveSamples = readonly (readonly [number, number])[];

/** An emotion point of the picture whose reason is to be placed. */
export interface ReasonPoint {
  /** Identifies the point, e.g. `seriesIndex-stageIndex`. */
  key: string;
  /** Centre of the point's dot. */
  x: number;
  y: number;
  reason: string;
}

/** A reason placed in the emotion lane: its box and the lines drawn centred in it. */
export interface ReasonBox {
  key: string;
  /** Box (lane coordinates): left, top, width, height. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Wrapped lines (fewer than the text needs when room was short: the last ends with "…"). */
  lines: string[];
  /** Baseline of the first line; lines are `REASON.lineHeight` apart, centred on `x + w / 2`. */
  baseline: number;
}

/** Sizes of reasons and of the marks around a point (the dot and the face above it). */
export const REASON = {
  size: 10,
  lineHeight: 12,
  maxLines: 2,
  /** Gap between the dot's centre and a reason placed below it. */
  below: 9,
  /** Gap between the dot's centre and the bottom of a reason placed above its face. */
  above: 31,
  /** Half width and the extent above/below the dot's centre of the dot + face mark. */
  markHalfWidth: 9,
  markTop: 29,
  markBottom: 6,
  /** Clearance kept from the neutral line and between boxes. */
  clear: 2,
  /** Steps (px) a box is moved away from its first position when that collides. */
  step: 5,
  steps: 8,
} as const;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const intersects = (a: Rect, b: Rect, gap = 0) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

/**
 * Places the reasons of an emotion lane so that no two boxes intersect, none crosses the neutral
 * line, none covers another point's dot or face, and all stay inside the lane: each reason goes
 * below its dot or above its face, moved step by step away from the point while it collides, with
 * fewer lines when two do not fit. Where there is room a reason also keeps off the curves; where
 * not, it may cross a curve (never the neutral line or another reason). Pure; greedy in stage
 * order (reasons that fit nowhere even on one line are left out and listed in `dropped`).
 */
export function layoutReasons(
  points: readonly ReasonPoint[],
  lane: { width: number; height: number; neutralY: number; maxWidth: number },
  curves: CurveSamples = [],
): { boxes: ReasonBox[]; dropped: string[] } {
  const marks = points.map((p) => ({
    key: p.key,
    rect: {
      x: p.x - REASON.markHalfWidth,
      y: p.y - REASON.markTop,
      w: 2 * REASON.markHalfWidth,
      h: REASON.markTop + REASON.markBottom,
    },
  }));
  const placed: ReasonBox[] = [];
  const dropped: string[] = [];
  const ordered = [...points].filter((p) => p.reason.trim()).sort((a, b) => a.x - b.x || a.y - b.y);
  for (const p of ordered) {
    const box = place(p, lane, placed, marks, curves) ?? place(p, lane, placed, [], []);
    if (box) placed.push(box);
    else dropped.push(p.key);
  }
  return { boxes: placed, dropped };
}

function place(
  p: ReasonPoint,
  lane: { width: number; height: number; neutralY: number; maxWidth: number },
  placed: readonly ReasonBox[],
  marks: readonly { key: string; rect: Rect }[],
  curves: CurveSamples,
): ReasonBox | null {
  for (let maxLines = REASON.maxLines; maxLines >= 1; maxLines--) {
    const lines = wrapText(p.reason, lane.maxWidth, REASON.size, false, maxLines);
    const w = Math.min(lane.maxWidth, Math.max(...lines.map((l) => textWidth(l, REASON.size)))) + 4;
    const h = lines.length * REASON.lineHeight;
    const x = Math.min(Math.max(1, p.x - w / 2), lane.width - w - 1);
    const tops: number[] = [];
    for (let s = 0; s <= REASON.steps; s++) {
      tops.push(p.y + REASON.below + s * REASON.step);
      tops.push(p.y - REASON.above - h - s * REASON.step);
    }
    for (const y of tops) {
      const r = { x, y, w, h };
      if (y < 1 || y + h > lane.height - 1) continue;
      const crossesNeutral = y < lane.neutralY + REASON.clear && y + h > lane.neutralY - REASON.clear;
      if (crossesNeutral) continue;
      if (placed.some((b) => intersects(r, b, REASON.clear))) continue;
      if (marks.some((m) => m.key !== p.key && intersects(r, m.rect))) continue;
      const own = marks.find((m) => m.key === p.key);
      if (own && intersects(r, own.rect)) continue;
      if (curves.some(([cx, cy]) => cx > x - 2 && cx < x + w + 2 && cy > y - 3 && cy < y + h + 3)) continue;
      return { key: p.key, x, y, w, h, lines, baseline: y + 9.5 };
    }
  }
  return null;
}
