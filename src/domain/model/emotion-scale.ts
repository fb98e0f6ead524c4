import { z } from "zod";
import { text } from "./text.ts";

/** Label and emoji of one level of an emotion scale. */
export const EmotionLevelSchema = z.strictObject({
  /** The integer level this label names. */
  value: z.number().int(),
  /** Word for the level, e.g. "Delighted". */
  label: text().max(60),
  /** Emoji drawn at points of this level. */
  emoji: text().max(16),
});
export type EmotionLevel = z.infer<typeof EmotionLevelSchema>;

/** Maximum number of levels a scale may have (1–10 has 10; −5…+5 has 11). */
export const MAX_SCALE_LEVELS = 21;

/** The integer range emotions are scored on, with a label per level. */
export const EmotionScaleSchema = z
  .strictObject({
    /** Lowest level (most negative feeling). */
    min: z.number().int().min(-10).max(10),
    /** Highest level (most positive feeling). */
    max: z.number().int().min(-10).max(100),
    /** Labels per level; levels without a label show their number. */
    levels: z.array(EmotionLevelSchema).max(MAX_SCALE_LEVELS),
  })
  .superRefine((s, ctx) => {
    if (s.max <= s.min)
      ctx.addIssue({ code: "custom", path: ["max"], message: "max must be greater than min" });
    if (s.max - s.min + 1 > MAX_SCALE_LEVELS)
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `a scale has at most ${MAX_SCALE_LEVELS} levels`,
      });
    const seen = new Set<number>();
    s.levels.forEach((l, i) => {
      if (l.value < s.min || l.value > s.max)
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "value"],
          message: `level must lie in ${s.min}…${s.max}`,
        });
      if (seen.has(l.value))
        ctx.addIssue({ code: "custom", path: ["levels", i, "value"], message: "level labelled twice" });
      seen.add(l.value);
    });
  });
export type EmotionScale = z.infer<typeof EmotionScaleSchema>;

/** The default 7-level scale −3 … +3 with 0 as neutral. */
export const DEFAULT_EMOTION_SCALE: EmotionScale = {
  min: -3,
  max: 3,
  levels: [
    { value: -3, label: "Furious", emoji: "😡" },
    { value: -2, label: "Frustrated", emoji: "😟" },
    { value: -1, label: "Uneasy", emoji: "🙁" },
    { value: 0, label: "Neutral", emoji: "😐" },
    { value: 1, label: "Content", emoji: "🙂" },
    { value: 2, label: "Happy", emoji: "😀" },
    { value: 3, label: "Delighted", emoji: "🤩" },
  ],
};

/** Neutral point of a scale: 0 when the range contains it, else its midpoint. */
export function neutralOf(scale: Pick<EmotionScale, "min" | "max">): number {
  return scale.min <= 0 && scale.max >= 0 ? 0 : (scale.min + scale.max) / 2;
}

/** Linear conversion of a level from one scale to another, rounded to the target's nearest level. */
export function convertLevel(
  value: number,
  from: Pick<EmotionScale, "min" | "max">,
  to: Pick<EmotionScale, "min" | "max">,
): number {
  const t = (value - from.min) / (from.max - from.min);
  const v = Math.round(to.min + t * (to.max - to.min));
  return clampLevel(v, to);
}

/** Clamps a value into the scale's range and rounds it to an integer level. */
export function clampLevel(value: number, scale: Pick<EmotionScale, "min" | "max">): number {
  return Math.min(scale.max, Math.max(scale.min, Math.round(value)));
}
