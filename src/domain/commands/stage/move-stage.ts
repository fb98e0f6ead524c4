import { StageIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { reorders } from "../entity-ops.ts";
import { commandSchema, toIndex } from "../fields.ts";

/** Moves a stage among the stages. */
export const schema = commandSchema("moveStage", { id: StageIdSchema, toIndex });

export const command = defineCommand({
  schema,
  ...reorders<(typeof schema)["_output"]>("stages", "stage"),
  describe: (c) => `Stage moved to position ${c.toIndex + 1}`,
});
