import * as Y from "yjs";
import { MAX_SUB_JOURNEYS } from "../../model/structure.ts";
import { type Ordered, sortOrdered } from "../../ordering.ts";
import type { YEntity } from "../../ydoc/layout.ts";
import { type CommandContext, fail } from "../context.ts";

/** The `subJourneys` Y.Map (mapId → order key) of a stage, created when the stage has none yet. */
export function linksOf(stage: YEntity): Y.Map<string> {
  const existing = stage.get("subJourneys");
  if (existing instanceof Y.Map) return existing as Y.Map<string>;
  const links = new Y.Map<string>();
  stage.set("subJourneys", links);
  return links;
}

/** A stage's links as sorted order-key items. */
export function sortedLinks(links: Y.Map<string>): Ordered[] {
  const out: Ordered[] = [];
  links.forEach((order, id) => out.push({ id, order: typeof order === "string" ? order : "a0" }));
  return sortOrdered(out);
}

/** Fails unless `mapId` may become a sub-journey of the stage (not the map itself, not twice, within the limit). */
export function checkNewLink(ctx: CommandContext, links: Y.Map<string>, mapId: string): void {
  if (mapId === ctx.r.meta.get("id")) fail(ctx, "mapId", "a map cannot be its own sub-journey");
  if (links.has(mapId)) fail(ctx, "mapId", `the stage already links to map "${mapId}"`);
  if (links.size >= MAX_SUB_JOURNEYS)
    fail(ctx, "mapId", `a stage links to at most ${MAX_SUB_JOURNEYS} sub-journeys`);
}
