import { StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import type { MapCommand } from "../registry.ts";
import { cellIndex, indexOf, restorePoint } from "../restore.ts";
import { plainSteps, stepsOf } from "./steps.ts";

/** Deletes a step; its cards stay in the stage (at stage level) and its emotion points go. */
export const schema = commandSchema("deleteStep", { stageId: StageIdSchema, id: StepIdSchema });

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const steps = stepsOf(ctx, c.stageId);
    mustGet(ctx, steps, c.id, "id", "step");
    steps.delete(c.id);
    ctx.r.cards.forEach((card, id) => {
      if (card.get("stepId") === c.id) {
        card.set("stepId", null);
        ctx.writes.add(`card:${id}.position`);
      }
    });
    const points: string[] = [];
    ctx.r.emotions.forEach((p, key) => {
      if (p.get("stepId") === c.id) points.push(key);
    });
    for (const key of points) ctx.r.emotions.delete(key);
    ctx.writes.add(`stage:${c.stageId}.steps.${c.id}`);
  },
  invert(m, c) {
    const steps = plainSteps(m, c.stageId);
    const st = steps.find((x) => x.id === c.id);
    if (!st) return [];
    const cards = m.cards.filter((x) => x.stepId === c.id);
    return [
      { type: "addStep", stageId: c.stageId, id: c.id, name: st.name, index: indexOf(steps, c.id) },
      ...cards.map(
        (x): MapCommand => ({
          type: "moveCard",
          id: x.id,
          stageId: x.stageId,
          stepId: c.id,
          toIndex: cellIndex(m, x),
        }),
      ),
      ...m.emotionPoints.filter((p) => p.stepId === c.id).map(restorePoint),
    ];
  },
  describe: () => "Step deleted",
});
