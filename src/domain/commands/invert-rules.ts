import type { ActivityRule } from "../model/activity-rule.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { CommandOf, MapCommand } from "./schema.ts";

/** The command that recreates a rule at its position. */
export function recreateRule(m: JourneyMap, r: ActivityRule): MapCommand {
  return {
    type: "addActivityRule",
    id: r.id,
    match: r.match,
    pattern: r.pattern,
    ignoreCase: r.ignoreCase,
    stageId: r.stageId,
    touchpointId: r.touchpointId,
    index: Math.max(
      0,
      m.activityRules.findIndex((x) => x.id === r.id),
    ),
  };
}

/** Commands relinking rules to touchpoint cards that a deletion removes. */
export function relinkRules(m: JourneyMap, deletedCardIds: ReadonlySet<string>): MapCommand[] {
  return m.activityRules
    .filter((r) => r.touchpointId && deletedCardIds.has(r.touchpointId))
    .map((r) => ({ type: "updateActivityRule", id: r.id, touchpointId: r.touchpointId }));
}

const find = (m: JourneyMap, id: string) => m.activityRules.find((r) => r.id === id);

/** Inverses of the activity-rule commands. */
export const RULE_INVERTERS = {
  addActivityRule: (_m: JourneyMap, c: CommandOf<"addActivityRule">): MapCommand[] =>
    c.id ? [{ type: "deleteActivityRule", id: c.id }] : [],
  updateActivityRule: (m: JourneyMap, c: CommandOf<"updateActivityRule">): MapCommand[] => {
    const r = find(m, c.id);
    if (!r) return [];
    const { id, match, pattern, ignoreCase, stageId, touchpointId } = r;
    return [{ type: "updateActivityRule", id, match, pattern, ignoreCase, stageId, touchpointId }];
  },
  moveActivityRule: (m: JourneyMap, c: CommandOf<"moveActivityRule">): MapCommand[] => [
    {
      type: "moveActivityRule",
      id: c.id,
      toIndex: Math.max(
        0,
        m.activityRules.findIndex((r) => r.id === c.id),
      ),
    },
  ],
  deleteActivityRule: (m: JourneyMap, c: CommandOf<"deleteActivityRule">): MapCommand[] => {
    const r = find(m, c.id);
    return r ? [recreateRule(m, r)] : [];
  },
};
