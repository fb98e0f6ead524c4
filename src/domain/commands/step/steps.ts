import * as Y from "yjs";
import type { JourneyMap } from "../../model/journey-map.ts";
import type { Step } from "../../model/structure.ts";
import type { YEntity } from "../../ydoc/layout.ts";
import { type CommandContext, mustGet } from "../context.ts";

/** The steps map of a stage (created when missing); fails when the stage does not exist. */
export function stepsOf(ctx: CommandContext, stageId: string): Y.Map<YEntity> {
  const stage = mustGet(ctx, ctx.r.stages, stageId, "stageId", "stage");
  let steps = stage.get("steps") as Y.Map<YEntity> | undefined;
  if (!steps) {
    steps = new Y.Map<YEntity>();
    stage.set("steps", steps);
  }
  return steps;
}

/** The steps of a stage of the plain map ([] when the stage is absent). */
export const plainSteps = (m: JourneyMap, stageId: string): readonly Step[] =>
  m.stages.find((x) => x.id === stageId)?.steps ?? [];
