import { StageIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { setsField } from "../entity-ops.ts";
import { commandSchema, name } from "../fields.ts";

/** Renames a stage. */
export const schema = commandSchema("renameStage", { id: StageIdSchema, name });

export const command = defineCommand({
  schema,
  ...setsField<(typeof schema)["_output"], "name">("stages", "stage", "name"),
  describe: (c) => `Stage renamed to “${c.name}”`,
});
