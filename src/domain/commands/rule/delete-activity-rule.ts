import { ActivityRuleIdSchema } from "../../model/activity-rule.ts";
import { defineCommand } from "../define.ts";
import { removeEntity } from "../entity-ops.ts";
import { commandSchema } from "../fields.ts";
import { recreateRule } from "../restore.ts";

/** Deletes an activity rule. */
export const schema = commandSchema("deleteActivityRule", { id: ActivityRuleIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    removeEntity(ctx, "rules", c.id, "rule");
    ctx.writes.add(`rule:${c.id}`);
  },
  invert(m, c) {
    const r = m.activityRules.find((x) => x.id === c.id);
    return r ? [recreateRule(m, r)] : [];
  },
  describe: () => "Activity rule deleted",
});
