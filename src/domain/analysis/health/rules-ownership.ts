import type { JourneyMap } from "../../model/journey-map.ts";
import { isUnresolved } from "../priority.ts";
import { type CardOf, cardsOfKind, isBlank, quote } from "./cards.ts";
import { at, type HealthRule, type RuleContext, type RuleFinding } from "./types.ts";

/** Unresolved pain points (open or in progress): resolved ones need no owner or date any more. */
function openPains(map: JourneyMap): CardOf<"pain">[] {
  return cardsOfKind(map.cards, "pain").filter(isUnresolved);
}

function cardFinding(
  map: JourneyMap,
  ctx: RuleContext,
  c: CardOf<"pain" | "touchpoint">,
  message: string,
  hint: string,
) {
  return at(map, ctx, { stageId: c.stageId, laneId: c.laneId, cardId: c.id }, message, hint);
}

/** pain-no-owner: an unresolved pain point nobody owns will not be fixed. */
export const painNoOwner: HealthRule = {
  id: "pain-no-owner",
  defaultSeverity: "warning",
  check: (map, ctx) =>
    openPains(map)
      .filter((c) => isBlank(c.fields.owner))
      .map((c) =>
        cardFinding(
          map,
          ctx,
          c,
          `Pain point ${quote(c)} has no owner.`,
          "Name the person or team who owns the fix.",
        ),
      ),
};

/** pain-no-due-date: an unresolved pain point without a due date cannot be tracked. */
export const painNoDueDate: HealthRule = {
  id: "pain-no-due-date",
  defaultSeverity: "info",
  check: (map, ctx) =>
    openPains(map)
      .filter((c) => c.fields.dueDate === null)
      .map((c) =>
        cardFinding(
          map,
          ctx,
          c,
          `Pain point ${quote(c)} has no due date.`,
          "Agree a date for the fix with its owner.",
        ),
      ),
};

/** touchpoint-no-owner: a touchpoint no team owns tends to decay. */
export const touchpointNoOwner: HealthRule = {
  id: "touchpoint-no-owner",
  defaultSeverity: "info",
  check: (map, ctx) =>
    cardsOfKind(map.cards, "touchpoint")
      .filter((c) => isBlank(c.fields.ownerTeam))
      .map((c) =>
        cardFinding(
          map,
          ctx,
          c,
          `Touchpoint ${quote(c)} has no owner team.`,
          "Set the team responsible for it.",
        ),
      ),
};

/**
 * pain-unanchored: every card sits in a stage, so "anchored" means tied to a place the customer
 * meets us — a touchpoint in the same stage (and the same step when the pain point is on a step).
 * A pain point whose stage does not exist (unvalidated input) is unanchored too.
 */
export const painUnanchored: HealthRule = {
  id: "pain-unanchored",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const stages = new Set<string>(map.stages.map((s) => s.id));
    const cells = new Set(
      cardsOfKind(map.cards, "touchpoint").flatMap((t) => [t.stageId, `${t.stageId}/${t.stepId}`]),
    );
    return cardsOfKind(map.cards, "pain")
      .filter((c) => !stages.has(c.stageId) || !cells.has(c.stepId ? `${c.stageId}/${c.stepId}` : c.stageId))
      .map(
        (c): RuleFinding =>
          cardFinding(
            map,
            ctx,
            c,
            `Pain point ${quote(c)} is not tied to a touchpoint.`,
            "Add the touchpoint where this pain happens to its stage, or move the pain point to where it occurs.",
          ),
      );
  },
};
