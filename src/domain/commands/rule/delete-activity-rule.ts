import { ActivityRuleIdSchema } from "../../model/activity-rule.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { recreateRule } from "../restore.ts";

/** Deletes an activity rule. */
export const schema = commandSchema("deleteActivityRule", { id: ActivityRuleIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    mustGet(ctx, ctx.r.rules, c.id, "id", "rule");
    ctx.r.rules.delete(c.id);
    ctx.writes.add(`rule:${c.id}`);
  },
  invert(m, c) {
    const r = m.activityRules.find((x) => x.id === c.id);
    return r ? [recreateRule(m, r)] : [];
  },
  describe: () => "Activity rule deleted",
});
