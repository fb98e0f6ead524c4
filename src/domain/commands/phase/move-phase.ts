import { PhaseIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { reorders } from "../entity-ops.ts";
import { commandSchema, toIndex } from "../fields.ts";

/** Moves a phase among the phases. */
export const schema = commandSchema("movePhase", { id: PhaseIdSchema, toIndex });

export const command = defineCommand({
  schema,
  ...reorders<(typeof schema)["_output"]>("phases", "phase"),
  describe: (c) => `Phase moved to position ${c.toIndex + 1}`,
});
