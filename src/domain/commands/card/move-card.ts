import type * as Y from "yjs";
import { defaultFields } from "../../model/card.ts";
import { CardIdSchema, LaneIdSchema, StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { fieldsToY } from "../../ydoc/to-ydoc.ts";
import { type CommandContext, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, toIndex } from "../fields.ts";
import { cellIndex, restoreLinkedRules } from "../restore.ts";
import { cellSiblings, checkStep, kindOfLane } from "./card-checks.ts";

/** Moves a card to another cell; moving into a lane of another card kind resets its typed fields. */
export const schema = commandSchema("moveCard", {
  id: CardIdSchema,
  laneId: LaneIdSchema.optional(),
  stageId: StageIdSchema,
  stepId: StepIdSchema.nullable().optional(),
  toIndex: toIndex.optional(),
});

/** Rules linked to a moved card follow it to its stage, or lose the link when it is no touchpoint any more. */
function moveLinkedRules(ctx: CommandContext, cardId: string, kind: string, stageId: string): void {
  ctx.r.rules.forEach((rule, id) => {
    if (rule.get("touchpointId") !== cardId) return;
    if (kind !== "touchpoint") rule.set("touchpointId", null);
    else if (rule.get("stageId") !== stageId) rule.set("stageId", stageId);
    else return;
    ctx.writes.add(`rule:${id}`);
  });
}

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const card = mustGet(ctx, ctx.r.cards, c.id, "id", "card");
    const laneId = c.laneId ?? (card.get("laneId") as string);
    const lane = mustGet(ctx, ctx.r.lanes, laneId, "laneId", "lane");
    mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
    checkStep(ctx, c.stageId, c.stepId);
    const kind = kindOfLane(ctx, lane, "laneId");
    const stepId = c.stepId ?? null;
    const order = keyAtIndex(
      cellSiblings(ctx, laneId, c.stageId, stepId, c.id),
      c.toIndex ?? Number.MAX_SAFE_INTEGER,
    );
    const fieldsY = card.get("fields") as Y.Map<unknown>;
    if (fieldsY.get("kind") !== kind) {
      card.set("fields", fieldsToY(defaultFields(kind)));
      ctx.writes.add(`card:${c.id}.fields`);
    }
    card.set("laneId", laneId);
    card.set("stageId", c.stageId);
    card.set("stepId", stepId);
    card.set("order", order);
    moveLinkedRules(ctx, c.id, kind, c.stageId);
    ctx.reads.add(`lane:${laneId}`).add(`stage:${c.stageId}`);
    ctx.writes.add(`card:${c.id}.position`);
  },
  invert(m, c) {
    const card = m.cards.find((x) => x.id === c.id);
    if (!card) return [];
    const { kind: _kind, ...fields } = card.fields;
    const { id, laneId, stageId, stepId } = card;
    return [
      { type: "moveCard", id, laneId, stageId, stepId, toIndex: cellIndex(m, card) },
      { type: "updateCard", id, fields },
      ...restoreLinkedRules(m, id),
    ];
  },
  describe: () => "Card moved",
});
