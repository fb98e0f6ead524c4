import type { Goal } from "../../model/journey-map.ts";
import { cardsOfKind, isBlank } from "./cards.ts";
import { at, type HealthRule } from "./types.ts";

/** A goal is measurable when it names a metric or its statement contains a number or a percent. */
export function isMeasurable(goal: Goal): boolean {
  return !isBlank(goal.metric) || /[\d%]/.test(goal.statement);
}

/** kpi-missing: no KPI card and no metric on the goal, so nothing tells whether the map helped. */
export const kpiMissing: HealthRule = {
  id: "kpi-missing",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const kpis = cardsOfKind(map.cards, "kpi").filter((c) => !isBlank(c.fields.name));
    if (kpis.length > 0 || !isBlank(map.goal.metric)) return [];
    return [
      at(
        map,
        ctx,
        {},
        "The map has no KPI and its goal names no metric.",
        "Add a KPI lane with the metrics of the key stages, or the metric the goal is measured by.",
      ),
    ];
  },
};

/** goal-missing: the goal statement is empty or not measurable. */
export const goalMissing: HealthRule = {
  id: "goal-missing",
  defaultSeverity: "error",
  check: (map, ctx) => {
    if (isBlank(map.goal.statement))
      return [
        at(
          map,
          ctx,
          {},
          "The map has no goal statement.",
          "Say what the business wants to change with this journey and how it will be measured.",
        ),
      ];
    if (isMeasurable(map.goal)) return [];
    return [
      at(
        map,
        ctx,
        {},
        "The goal is not measurable.",
        "Add the metric and target, e.g. “raise repeat visits within 60 days by 15 %”.",
      ),
    ];
  },
};
