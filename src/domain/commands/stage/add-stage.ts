import { PhaseIdSchema, StageIdSchema } from "../../model/ids.ts";
import { text } from "../../model/text.ts";
import { stageToY } from "../../ydoc/to-ydoc.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { placeNew } from "../entity-ops.ts";
import { commandSchema, index, name } from "../fields.ts";

/** Adds a stage (a column of the map), optionally in a phase. */
export const schema = commandSchema("addStage", {
  id: StageIdSchema.optional(),
  name,
  index,
  phaseId: PhaseIdSchema.nullable().optional(),
  description: text().max(5000).optional(),
});

export const command = defineCommand({
  schema,
  creates: true,
  apply(ctx, c) {
    if (c.phaseId) mustGet(ctx, ctx.r.phases, c.phaseId, "phaseId", "phase");
    const { id, order } = placeNew(ctx, "stages", c);
    ctx.r.stages.set(
      id,
      stageToY({
        id: id as never,
        name: c.name,
        order,
        phaseId: c.phaseId ?? null,
        description: c.description ?? "",
        momentOfTruth: false,
        steps: [],
        subJourneyIds: [],
      }),
    );
    ctx.writes.add(`stage:${id}`);
  },
  invert: (_m, c) => (c.id ? [{ type: "deleteStage", id: c.id }] : []),
  describe: (c) => `New stage “${c.name}”`,
});
