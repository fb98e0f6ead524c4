import { StageIdSchema } from "../../model/ids.ts";
import type { Stage } from "../../model/structure.ts";
import { type CommandContext, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { deleteCardsWhere } from "../entity-ops.ts";
import { commandSchema } from "../fields.ts";
import type { MapCommand } from "../registry.ts";
import { indexOf, type recreateCard, recreateCards, recreateRule, restorePoint } from "../restore.ts";

/** Deletes a stage with its steps, cards, emotion points and activity rules. */
export const schema = commandSchema("deleteStage", { id: StageIdSchema });

/** Deletes the entries of a root map whose `stageId` is the stage, recording `${what}:KEY` writes. */
function deleteInStage(ctx: CommandContext, coll: "emotions" | "rules", what: string, stageId: string) {
  const keys: string[] = [];
  ctx.r[coll].forEach((e, key) => {
    if (e.get("stageId") === stageId) keys.push(key);
  });
  for (const key of keys) {
    ctx.r[coll].delete(key);
    ctx.writes.add(`${what}:${key}`);
  }
}

function recreateStage(m: Parameters<typeof recreateCard>[0], s: Stage): MapCommand[] {
  return [
    {
      type: "addStage",
      id: s.id,
      name: s.name,
      index: indexOf(m.stages, s.id),
      phaseId: s.phaseId,
      description: s.description,
    },
    ...(s.momentOfTruth ? [{ type: "updateStage", id: s.id, momentOfTruth: true } as MapCommand] : []),
    ...s.steps.map(
      (st, i): MapCommand => ({ type: "addStep", stageId: s.id, id: st.id, name: st.name, index: i }),
    ),
    ...s.subJourneyIds.map(
      (mapId, i): MapCommand => ({ type: "linkSubJourney", stageId: s.id, mapId, index: i }),
    ),
  ];
}

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    mustGet(ctx, ctx.r.stages, c.id, "id", "stage");
    deleteCardsWhere(ctx, (card) => card.get("stageId") === c.id);
    deleteInStage(ctx, "emotions", "emotion", c.id);
    deleteInStage(ctx, "rules", "rule", c.id);
    ctx.r.stages.delete(c.id);
    ctx.writes.add(`stage:${c.id}`);
  },
  invert(m, c) {
    const s = m.stages.find((x) => x.id === c.id);
    if (!s) return [];
    return [
      ...recreateStage(m, s),
      ...recreateCards(
        m,
        m.cards.filter((x) => x.stageId === s.id),
      ),
      ...m.emotionPoints.filter((p) => p.stageId === s.id).map(restorePoint),
      ...m.activityRules.filter((r) => r.stageId === s.id).map((r) => recreateRule(m, r)),
    ];
  },
  describe: () => "Stage deleted",
});
