import { z } from "zod";
import { ActivityRuleIdSchema, MatchKindSchema } from "../../model/activity-rule.ts";
import { CardIdSchema, StageIdSchema } from "../../model/ids.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { checkPattern, pattern, resolveStage } from "./rule-checks.ts";

/** Changes an activity rule; changing its stage alone drops its touchpoint. */
export const schema = commandSchema("updateActivityRule", {
  id: ActivityRuleIdSchema,
  match: MatchKindSchema.optional(),
  pattern: pattern.optional(),
  ignoreCase: z.boolean().optional(),
  stageId: StageIdSchema.optional(),
  touchpointId: CardIdSchema.nullable().optional(),
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const rule = mustGet(ctx, ctx.r.rules, c.id, "id", "rule");
    const next = {
      match: c.match ?? (rule.get("match") as string),
      pattern: c.pattern ?? (rule.get("pattern") as string),
      ignoreCase: c.ignoreCase ?? rule.get("ignoreCase") === true,
      stageId: c.stageId ?? (rule.get("stageId") as string),
      touchpointId:
        c.touchpointId === undefined ? ((rule.get("touchpointId") as string | null) ?? null) : c.touchpointId,
    };
    if (c.stageId && c.touchpointId === undefined) next.touchpointId = null;
    checkPattern(ctx, next.match, next.pattern, next.ignoreCase);
    resolveStage(ctx, next.stageId, next.touchpointId);
    for (const [key, value] of Object.entries(next)) {
      if (rule.get(key) === value) continue;
      rule.set(key, value);
      ctx.writes.add(`rule:${c.id}.${key}`);
    }
  },
  invert(m, c) {
    const r = m.activityRules.find((x) => x.id === c.id);
    if (!r) return [];
    const { id, match, pattern, ignoreCase, stageId, touchpointId } = r;
    return [{ type: "updateActivityRule", id, match, pattern, ignoreCase, stageId, touchpointId }];
  },
  describe: () => "Activity rule changed",
});
