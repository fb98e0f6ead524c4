import { defaultProperties, type JourneyMap } from "../../model/journey-map.ts";
import { quote } from "./cards.ts";
import { addMonths, isBefore } from "./dates.ts";
import { at, type HealthRule, type RuleContext, type RuleFinding } from "./types.ts";

/** The cadence a new map gets; a map still on it follows the workspace setting instead. */
const MODEL_DEFAULT_CADENCE = defaultProperties("", "current_state").reviewCadenceMonths;

/** evidence-missing: every card is an assumption and nothing cites research. */
export const evidenceMissing: HealthRule = {
  id: "evidence-missing",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const n = map.cards.length;
    if (n === 0 || map.cards.some((c) => c.confidence !== "assumed" || c.evidence.length > 0)) return [];
    return [
      at(
        map,
        ctx,
        {},
        `All ${n} card${n === 1 ? " is" : "s are"} assumed; none cites research.`,
        "Back key cards with interviews, surveys, analytics or support logs and mark them observed or validated.",
      ),
    ];
  },
};

/**
 * Review cadence in months. The model always stores a cadence (default 6), so "set on the map"
 * means "changed from the model default"; a map left on the default follows the workspace value.
 */
export function reviewCadence(map: Pick<JourneyMap, "reviewCadenceMonths">, configured: number): number {
  return map.reviewCadenceMonths !== MODEL_DEFAULT_CADENCE ? map.reviewCadenceMonths : configured;
}

function reviewFinding(map: JourneyMap, ctx: RuleContext): RuleFinding[] {
  const months = reviewCadence(map, ctx.config.reviewCadenceMonths);
  const since = map.lastReviewedAt ?? map.createdAt.slice(0, 10);
  const due = addMonths(since, months);
  if (!isBefore(due, ctx.today)) return [];
  const what = map.lastReviewedAt
    ? `was last reviewed on ${since}`
    : `has not been reviewed since it was created on ${since}`;
  return [
    at(
      map,
      ctx,
      {},
      `The map ${what}; reviews are due every ${months} months (due ${due}).`,
      "Walk through the map with the team, update it from fresh data and set its last-reviewed date.",
    ),
  ];
}

function staleEvidence(map: JourneyMap, ctx: RuleContext): RuleFinding[] {
  const max = ctx.config.researchMaxAgeMonths;
  return map.cards.flatMap((c) => {
    const dates = c.evidence.flatMap((e) => (e.date ? [e.date] : [])).sort();
    const oldest = dates[0];
    if (!oldest || !isBefore(addMonths(oldest, max), ctx.today)) return [];
    return [
      at(
        map,
        ctx,
        { stageId: c.stageId, laneId: c.laneId, cardId: c.id },
        `Card ${quote(c)} cites research from ${oldest}, older than ${max} months.`,
        "Refresh the research or confirm the finding still holds with recent data.",
      ),
    ];
  });
}

/**
 * review-overdue: the map is past its review cadence, or cites research older than the limit.
 * Archived maps are no longer maintained and are skipped.
 */
export const reviewOverdue: HealthRule = {
  id: "review-overdue",
  defaultSeverity: "warning",
  check: (map, ctx) =>
    map.status === "archived" ? [] : [...reviewFinding(map, ctx), ...staleEvidence(map, ctx)],
};
