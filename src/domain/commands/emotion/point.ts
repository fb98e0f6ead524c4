import type { JourneyMap } from "../../model/journey-map.ts";
import type { EmotionPoint } from "../../model/structure.ts";
import { emotionKey } from "../../ydoc/layout.ts";
import { type CommandContext, fail, mustGet } from "../context.ts";

/** Where an emotion point sits: persona (null = the map's own curve), stage and step. */
export interface PointPlace {
  personaId?: string | null;
  stageId: string;
  stepId?: string | null;
}

/** The document key of a point's place, checking that the stage, persona and step exist. */
export function pointKey(ctx: CommandContext, c: PointPlace): string {
  const stage = mustGet(ctx, ctx.r.stages, c.stageId, "stageId", "stage");
  const personaId = c.personaId ?? null;
  if (personaId && !ctx.r.personas.has(personaId))
    fail(ctx, "personaId", "persona is not attached to the map");
  const steps = stage.get("steps") as { has(id: string): boolean } | undefined;
  if (c.stepId && !steps?.has(c.stepId))
    fail(ctx, "stepId", `stage "${c.stageId}" has no step "${c.stepId}"`);
  ctx.reads.add(`stage:${c.stageId}`);
  return emotionKey(personaId, c.stageId, c.stepId ?? null);
}

/** The order `fromYDoc` gives points: by persona, then stage position, then step. */
export function comparePoints(map: JourneyMap): (a: EmotionPoint, b: EmotionPoint) => number {
  const stageRank = new Map(map.stages.map((s, i) => [s.id as string, i]));
  return (a, b) =>
    (a.personaId ?? "").localeCompare(b.personaId ?? "") ||
    (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) ||
    (a.stepId ?? "").localeCompare(b.stepId ?? "");
}
