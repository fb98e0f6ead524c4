import { ActivityRuleIdSchema } from "../../model/activity-rule.ts";
import { defineCommand } from "../define.ts";
import { reorders } from "../entity-ops.ts";
import { commandSchema, toIndex } from "../fields.ts";

/** Moves an activity rule (earlier rules win when several match). */
export const schema = commandSchema("moveActivityRule", { id: ActivityRuleIdSchema, toIndex });

export const command = defineCommand({
  schema,
  ...reorders<(typeof schema)["_output"]>("rules", "rule"),
  describe: (c) => `Activity rule moved to position ${c.toIndex + 1}`,
});
