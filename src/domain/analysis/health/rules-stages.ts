import type { StageId } from "../../model/ids.ts";
import { orderedStages } from "../curve.ts";
import { cardsOfKind } from "./cards.ts";
import { at, type HealthRule } from "./types.ts";

/** stage-count: fewer than `stageMin` or more than `stageMax` stages (empathy maps have none). */
export const stageCount: HealthRule = {
  id: "stage-count",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const n = map.stages.length;
    const { stageMin, stageMax } = ctx.config;
    if (map.kind === "empathy_map" || (n >= stageMin && n <= stageMax)) return [];
    const few = n < stageMin;
    return [
      at(
        map,
        ctx,
        {},
        `The map has ${n} stage${n === 1 ? "" : "s"}; ${stageMin}–${stageMax} work best.`,
        few
          ? "Split the journey into more stages, from the first trigger to what happens after the goal is reached."
          : "Group related stages or split the map into linked sub-journeys.",
      ),
    ];
  },
};

/**
 * stage-no-touchpoints: a stage where the customer meets nothing of ours. When the map has no
 * touchpoint at all one map-level finding replaces a finding per stage.
 */
export const stageNoTouchpoints: HealthRule = {
  id: "stage-no-touchpoints",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    if (map.kind === "empathy_map" || map.stages.length === 0) return [];
    const touchpoints = cardsOfKind(map.cards, "touchpoint");
    const hint = "Add the touchpoints (website, call, store visit …) where the customer meets the service.";
    if (touchpoints.length === 0) {
      const lane = map.lanes.find((l) => l.type === "touchpoints");
      return [at(map, ctx, lane ? { laneId: lane.id } : {}, "The map has no touchpoints.", hint)];
    }
    const covered = new Set<StageId>(touchpoints.map((c) => c.stageId));
    return orderedStages(map)
      .filter((s) => !covered.has(s.id))
      .map((s) => at(map, ctx, { stageId: s.id }, `Stage “${s.name}” has no touchpoint.`, hint));
  },
};
