import { MapIdSchema, StageIdSchema } from "../../model/ids.ts";
import { keyAtIndex } from "../../ordering.ts";
import { mustGet } from "../context.ts";
import { defineCommand } from "../define.ts";
import { commandSchema, index } from "../fields.ts";
import { checkNewLink, linksOf, sortedLinks } from "./sub-journeys.ts";

/**
 * Links a stage to a detailed map (its sub-journey; "zoom in" opens it). The domain refuses a
 * link to the map itself; that the target exists in the same workspace and closes no cycle is
 * checked by the journey service, which sees the other maps.
 */
export const schema = commandSchema("linkSubJourney", {
  stageId: StageIdSchema,
  mapId: MapIdSchema,
  index,
});

export const command = defineCommand({
  schema,
  apply(ctx, c) {
    const stage = mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
    const links = linksOf(stage);
    checkNewLink(ctx, links, c.mapId);
    links.set(c.mapId, keyAtIndex(sortedLinks(links), c.index ?? Number.MAX_SAFE_INTEGER));
    ctx.writes.add(`stage:${c.stageId}.subJourneys.${c.mapId}`);
  },
  invert: (_m, c) => [{ type: "unlinkSubJourney", stageId: c.stageId, mapId: c.mapId }],
  describe: () => "Sub-journey linked",
});
