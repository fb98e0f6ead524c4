import { StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, name } from "../fields.ts";
import { plainSteps, stepsOf } from "./steps.ts";

/** Renames a step. */
export const schema = commandSchema("renameStep", { stageId: StageIdSchema, id: StepIdSchema, name });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    mustGet(ctx, stepsOf(ctx, c.stageId), c.id, "id", "step").set("name", c.name);
    ctx.writes.add(`stage:${c.stageId}.steps.${c.id}.name`);
  },
  invert(m, c) {
    const st = plainSteps(m, c.stageId).find((x) => x.id === c.id);
    return st ? [{ ...c, name: st.name }] : [];
  },
  describe: (c) => `Step renamed to “${c.name}”`,
});
