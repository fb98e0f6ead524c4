import { PersonaIdSchema, StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { fail } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { pointAt, restorePoint } from "../restore.ts";
import { pointKey } from "./point.ts";

/** Removes an emotion point. */
export const schema = commandSchema("clearEmotion", {
  personaId: PersonaIdSchema.nullable().optional(),
  stageId: StageIdSchema,
  stepId: StepIdSchema.nullable().optional(),
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const key = pointKey(ctx, c);
    if (!ctx.r.emotions.has(key)) fail(ctx, "stageId", "no emotion point there");
    ctx.r.emotions.delete(key);
    ctx.writes.add(`emotion:${key}`);
  },
  invert(m, c) {
    const old = pointAt(m, c);
    return old ? [restorePoint(old)] : [];
  },
  describe: () => "Emotion cleared",
});
