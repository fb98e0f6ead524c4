import { z } from "zod";
import type { EmotionScale } from "../../model/emotion-scale.ts";
import { PersonaIdSchema, StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import type { JourneyMap } from "../../model/journey-map.ts";
import type { EmotionPoint } from "../../model/structure.ts";
import { yMapOf } from "../../ydoc/layout.ts";
import { fail } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { pointAt, restorePoint } from "../restore.ts";
import { comparePoints, pointKey } from "./point.ts";

/** Sets the emotion of a persona (or the map's own curve) at a stage or step. */
export const schema = commandSchema("setEmotion", {
  personaId: PersonaIdSchema.nullable().optional(),
  stageId: StageIdSchema,
  stepId: StepIdSchema.nullable().optional(),
  value: z.number().int(),
  emoji: z.string().max(16).nullable().optional(),
  reason: z.string().max(300).optional(),
});
type SetEmotion = z.infer<typeof schema>;

/** The fast path for a stage-level point; null for anything the document must check. */
function patchPlain(map: JourneyMap, c: SetEmotion): JourneyMap | null {
  const { min, max } = map.emotionScale;
  if (c.value < min || c.value > max || !Number.isInteger(c.value)) return null;
  const personaId = c.personaId ?? null;
  if (personaId && !map.personaIds.includes(personaId)) return null;
  if (!map.stages.some((s) => s.id === c.stageId)) return null;
  if (c.stepId) return null;
  const old = pointAt(map, { personaId, stageId: c.stageId });
  const point: EmotionPoint = {
    personaId,
    stageId: c.stageId,
    stepId: null,
    value: c.value,
    emoji: c.emoji === undefined ? (old?.emoji ?? null) : c.emoji,
    reason: c.reason ?? old?.reason ?? "",
    isSample: false,
  };
  const points = old ? map.emotionPoints.map((p) => (p === old ? point : p)) : [...map.emotionPoints, point];
  if (!old) points.sort(comparePoints(map));
  return { ...map, emotionPoints: points };
}

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const scale = ctx.r.meta.get("emotionScale") as EmotionScale;
    if (c.value < scale.min || c.value > scale.max)
      fail(ctx, "value", `emotion must be an integer in ${scale.min}…${scale.max} (the map's scale)`);
    const key = pointKey(ctx, c);
    const existing = ctx.r.emotions.get(key);
    if (existing) {
      existing.set("value", c.value);
      if (c.emoji !== undefined) existing.set("emoji", c.emoji);
      if (c.reason !== undefined) existing.set("reason", c.reason);
      existing.set("isSample", false);
    } else {
      const { personaId = null, stageId, stepId = null, value, emoji = null, reason = "" } = c;
      ctx.r.emotions.set(key, yMapOf({ personaId, stageId, stepId, value, emoji, reason, isSample: false }));
    }
    ctx.writes.add(`emotion:${key}`);
  },
  invert(m, c) {
    const old = pointAt(m, c);
    if (old) return [restorePoint(old)];
    return [
      { type: "clearEmotion", personaId: c.personaId ?? null, stageId: c.stageId, stepId: c.stepId ?? null },
    ];
  },
  describe: (c) => `Emotion ${c.value}${c.reason ? ` (“${c.reason}”)` : ""}`,
  patchPlain,
});
