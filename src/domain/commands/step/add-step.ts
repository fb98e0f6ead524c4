import * as Y from "yjs";
import { StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { siblings, takeId } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, index, name } from "../fields.ts";
import { stepsOf } from "./steps.ts";

/** Adds a step to a stage (a sub-column). */
export const schema = commandSchema("addStep", {
  stageId: StageIdSchema,
  id: StepIdSchema.optional(),
  name,
  index,
});

export const command = defineCommand({
  schema,
  creates: true,
  apply(ctx, c) {
    const steps = stepsOf(ctx, c.stageId);
    const id = takeId(ctx, steps, c.id);
    const m = new Y.Map<unknown>();
    m.set("name", c.name);
    m.set("order", keyAtIndex(siblings(steps), c.index ?? Number.MAX_SAFE_INTEGER));
    steps.set(id, m);
    ctx.reads.add(`stage:${c.stageId}`);
    ctx.writes.add(`stage:${c.stageId}.steps.${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deleteStep", stageId: c.stageId, id: c.id }] : []),
  describe: (c) => `New step “${c.name}”`,
});
