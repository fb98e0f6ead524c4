import { z } from "zod";
import { CardSchema, defaultFields } from "../../model/card.ts";
import { ConfidenceSchema } from "../../model/evidence.ts";
import { CardIdSchema, LaneIdSchema, StageIdSchema, StepIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { cardToY } from "../../ydoc/to-ydoc.ts";
import { mustGet, takeId } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, FieldsPatchSchema, index } from "../fields.ts";
import { cellSiblings, checkStep, kindOfLane, mergeFields } from "./card-checks.ts";

/** Adds a card to a cell; its typed fields start from the lane's card kind. */
export const schema = commandSchema("addCard", {
  id: CardIdSchema.optional(),
  laneId: LaneIdSchema,
  stageId: StageIdSchema,
  stepId: StepIdSchema.nullable().optional(),
  index,
  text: CardSchema.shape.text.optional(),
  color: CardSchema.shape.color.optional(),
  confidence: ConfidenceSchema.optional(),
  fields: FieldsPatchSchema.optional(),
  isSample: z.boolean().optional(),
});

export const command = defineCommand({
  schema,
  creates: true,
  apply(ctx, c) {
    const lane = mustGet(ctx, ctx.r.lanes, c.laneId, "laneId", "lane");
    mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
    checkStep(ctx, c.stageId, c.stepId);
    const fields = mergeFields(ctx, defaultFields(kindOfLane(ctx, lane, "laneId")), c.fields);
    const id = takeId(ctx, ctx.r.cards, c.id);
    const stepId = c.stepId ?? null;
    const order = keyAtIndex(
      cellSiblings(ctx, c.laneId, c.stageId, stepId),
      c.index ?? Number.MAX_SAFE_INTEGER,
    );
    ctx.r.cards.set(
      id,
      cardToY({
        id: id as never,
        laneId: c.laneId,
        stageId: c.stageId,
        stepId,
        order,
        text: c.text ?? "",
        color: c.color ?? null,
        confidence: c.confidence ?? "assumed",
        evidence: [],
        isSample: c.isSample ?? false,
        fields,
      }),
    );
    ctx.reads.add(`lane:${c.laneId}`).add(`stage:${c.stageId}`);
    ctx.writes.add(`card:${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deleteCard", id: c.id }] : []),
  describe: (c) => `New card: “${c.text ?? ""}”`,
});
