import { z } from "zod";
import { convertLevel, type EmotionScale, EmotionScaleSchema } from "../../model/emotion-scale.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { restorePoint } from "../restore.ts";

/** Changes the scale; existing points are converted linearly unless `convertPoints` is false (then clamped). */
export const schema = commandSchema("setEmotionScale", {
  scale: EmotionScaleSchema,
  convertPoints: z.boolean().optional(),
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const from = ctx.r.meta.get("emotionScale") as EmotionScale;
    ctx.r.meta.set("emotionScale", c.scale);
    ctx.r.emotions.forEach((p, key) => {
      const v = Number(p.get("value"));
      const next =
        c.convertPoints === false
          ? Math.min(c.scale.max, Math.max(c.scale.min, v))
          : convertLevel(v, from, c.scale);
      if (next !== v) p.set("value", next);
      ctx.writes.add(`emotion:${key}`);
    });
    ctx.writes.add("meta:emotionScale");
  },
  invert: (m) => [
    { type: "setEmotionScale", scale: m.emotionScale, convertPoints: false },
    ...m.emotionPoints.map(restorePoint),
  ],
  describe: (c) => `Emotion scale ${c.scale.min}…${c.scale.max}`,
});
