import { StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { mustGet, siblings } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, toIndex } from "../fields.ts";
import { indexOf } from "../restore.ts";
import { plainSteps, stepsOf } from "./steps.ts";

/** Moves a step among the steps of its stage. */
export const schema = commandSchema("moveStep", { stageId: StageIdSchema, id: StepIdSchema, toIndex });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const steps = stepsOf(ctx, c.stageId);
    const step = mustGet(ctx, steps, c.id, "id", "step");
    step.set("order", keyAtIndex(siblings(steps, undefined, c.id), c.toIndex));
    ctx.writes.add(`stage:${c.stageId}.steps.${c.id}.order`);
  },
  invert: (m, c) => [{ ...c, toIndex: Math.max(0, indexOf(plainSteps(m, c.stageId), c.id)) }],
  describe: (c) => `Step moved to position ${c.toIndex + 1}`,
});
