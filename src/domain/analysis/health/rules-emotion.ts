import { neutralLevel } from "../curve.ts";
import { cardsOfKind } from "./cards.ts";
import { at, type HealthRule } from "./types.ts";

/** emotion-missing: no emotion curve at all, or an attached persona without one. */
export const emotionMissing: HealthRule = {
  id: "emotion-missing",
  defaultSeverity: "error",
  check: (map, ctx) => {
    if (map.kind === "empathy_map") return [];
    const lane = map.lanes.find((l) => l.type === "emotion");
    const where = lane ? { laneId: lane.id } : {};
    const hint = "Plot how the customer feels at each stage; the curve shows where the journey hurts.";
    if (map.emotionPoints.length === 0) return [at(map, ctx, where, "The map has no emotion data.", hint)];
    const withPoints = new Set(map.emotionPoints.map((p) => p.personaId));
    return map.personaIds
      .filter((id) => !withPoints.has(id))
      .map((id) => at(map, ctx, where, `Persona ${id} has no emotion curve.`, hint));
  },
};

/** negativity-missing: a map with only positive feelings or without pain points hides the problems. */
export const negativityMissing: HealthRule = {
  id: "negativity-missing",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const out = [];
    const neutral = neutralLevel(map);
    if (map.emotionPoints.length > 0 && map.emotionPoints.every((p) => p.value >= neutral))
      out.push(
        at(
          map,
          ctx,
          {},
          "Every emotion on the map is neutral or positive.",
          "Check the curve against research: real journeys have low points, and they are where to improve.",
        ),
      );
    if (cardsOfKind(map.cards, "pain").length === 0)
      out.push(
        at(
          map,
          ctx,
          {},
          "The map has no pain points.",
          "Add the problems customers meet (from interviews, support logs, reviews) to a pain-points lane.",
        ),
      );
    return out;
  },
};
