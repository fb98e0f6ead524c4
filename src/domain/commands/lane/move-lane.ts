import { LaneIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { reorders } from "../entity-ops.ts";
import { commandSchema, toIndex } from "../fields.ts";

/** Moves a lane among the lanes. */
export const schema = commandSchema("moveLane", { id: LaneIdSchema, toIndex });

export const command = defineCommand({
  schema,
  ...reorders<(typeof schema)["_output"]>("lanes", "lane"),
  describe: (c) => `Lane moved to position ${c.toIndex + 1}`,
});
