import { LaneIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { setsField } from "../entity-ops.ts";
import { commandSchema, name } from "../fields.ts";

/** Renames a lane. */
export const schema = commandSchema("renameLane", { id: LaneIdSchema, name });

export const command = defineCommand({
  schema,
  ...setsField<(typeof schema)["_output"], "name">("lanes", "lane", "name"),
  describe: (c) => `Lane renamed to “${c.name}”`,
});
