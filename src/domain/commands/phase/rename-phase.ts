import { PhaseIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { setsField } from "../entity-ops.ts";
import { commandSchema, name } from "../fields.ts";

/** Renames a phase. */
export const schema = commandSchema("renamePhase", { id: PhaseIdSchema, name });

export const command = defineCommand({
  schema,
  ...setsField<(typeof schema)["_output"], "name">("phases", "phase", "name"),
  describe: (c) => `Phase renamed to “${c.name}”`,
});
