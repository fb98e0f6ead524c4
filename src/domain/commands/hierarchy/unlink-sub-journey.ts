import { MapIdSchema, StageIdSchema } from "../../model/ids.ts";
import { fail, mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema } from "../fields.ts";
import { linksOf } from "./sub-journeys.ts";

/** Removes a stage's link to a sub-journey (the child map itself stays). */
export const schema = commandSchema("unlinkSubJourney", {
  stageId: StageIdSchema,
  mapId: MapIdSchema,
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const stage = mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
    const links = linksOf(stage);
    if (!links.has(c.mapId)) fail(ctx, "mapId", `the stage does not link to map "${c.mapId}"`);
    links.delete(c.mapId);
    ctx.writes.add(`stage:${c.stageId}.subJourneys.${c.mapId}`);
  },
  invert(m, c) {
    const stage = m.stages.find((s) => s.id === c.stageId);
    const at = stage?.subJourneyIds.indexOf(c.mapId) ?? -1;
    if (at < 0) return [];
    return [{ type: "linkSubJourney", stageId: c.stageId, mapId: c.mapId, index: at }];
  },
  describe: () => "Sub-journey unlinked",
});
