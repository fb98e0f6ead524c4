import { z } from "zod";
import { ActivityRuleIdSchema, MatchKindSchema } from "../../model/activity-rule.ts";
import { CardIdSchema, StageIdSchema } from "../../model/ids.ts";
import { ruleToY } from "../../ydoc/to-ydoc.ts";
import { defineCommand } from "../define.ts";
import { placeNew } from "../entity-ops.ts";
import { commandSchema, index } from "../fields.ts";
import { checkPattern, pattern, resolveStage } from "./rule-checks.ts";

/** Adds a rule mapping logged activities to a stage (and optionally a touchpoint). */
export const schema = commandSchema("addActivityRule", {
  id: ActivityRuleIdSchema.optional(),
  match: MatchKindSchema,
  pattern,
  ignoreCase: z.boolean().optional(),
  stageId: StageIdSchema,
  touchpointId: CardIdSchema.nullable().optional(),
  index,
});

export const command = defineCommand({
  schema,
  creates: true,
  apply(ctx, c) {
    checkPattern(ctx, c.match, c.pattern, c.ignoreCase ?? false);
    const stageId = resolveStage(ctx, c.stageId, c.touchpointId);
    const { id, order } = placeNew(ctx, "rules", c);
    const rule = {
      id,
      match: c.match,
      pattern: c.pattern,
      ignoreCase: c.ignoreCase ?? false,
      stageId,
      touchpointId: c.touchpointId ?? null,
      order,
    };
    ctx.r.rules.set(id, ruleToY(rule as never));
    ctx.reads.add(`stage:${stageId}`);
    ctx.writes.add(`rule:${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deleteActivityRule", id: c.id }] : []),
  describe: (c) => `New activity rule “${c.pattern}”`,
});
