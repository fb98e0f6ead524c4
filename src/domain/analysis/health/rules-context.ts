import type { JourneyMap } from "../../model/journey-map.ts";
import { cardsOfKind, isBlank, quote } from "./cards.ts";
import { at, type HealthRule, type RuleContext, type RuleFinding } from "./types.ts";

/** future-state-missing: a current-state map with no (existing) future-state counterpart. */
export const futureStateMissing: HealthRule = {
  id: "future-state-missing",
  defaultSeverity: "info",
  check: (map, ctx) => {
    if (map.kind !== "current_state") return [];
    const hint = "Create the future-state map this journey should become and link the two.";
    if (map.counterpartId === null)
      return [at(map, ctx, {}, "This current-state map has no future-state counterpart.", hint)];
    if (ctx.counterpartExists === false)
      return [at(map, ctx, {}, `The linked future-state map ${map.counterpartId} no longer exists.`, hint)];
    return [];
  },
};

/** Departments named on the map: ownership cards, touchpoint and blueprint owner teams. */
export function inferDepartments(map: JourneyMap): string[] {
  const names = [
    ...cardsOfKind(map.cards, "ownership").map((c) => c.fields.department),
    ...cardsOfKind(map.cards, "touchpoint").map((c) => c.fields.ownerTeam),
    ...cardsOfKind(map.cards, "blueprint").map((c) => c.fields.ownerTeam),
  ];
  return distinct(names);
}

/** Distinct non-blank names, compared trimmed and case-insensitively (first spelling kept). */
function distinct(names: readonly (string | null)[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names)
    if (!isBlank(n) && n) seen.set(n.trim().toLowerCase(), seen.get(n.trim().toLowerCase()) ?? n.trim());
  return [...seen.values()];
}

/**
 * single-department: one department's view of a cross-team journey. With departments given by
 * the caller, zero or one triggers; inferred from the map, zero means unknown and stays silent.
 */
export const singleDepartment: HealthRule = {
  id: "single-department",
  defaultSeverity: "info",
  check: (map, ctx) => {
    const given = ctx.departments !== undefined;
    const depts = given ? distinct(ctx.departments ?? []) : inferDepartments(map);
    if (depts.length > 1 || (!given && depts.length === 0)) return [];
    const who = depts[0] ? `only ${depts[0]}` : "no department";
    return [
      at(
        map,
        ctx,
        {},
        `The map involves ${who}.`,
        "Invite the other departments the customer meets (support, sales, operations …) to build the map.",
      ),
    ];
  },
};

function botFindings(map: JourneyMap, ctx: RuleContext): RuleFinding[] {
  const bots = cardsOfKind(map.cards, "touchpoint").filter((c) => c.fields.isBot);
  const handoffs = cardsOfKind(map.cards, "handoff");
  const first = bots[0];
  if (!first) return [];
  const hint = "Add an AI ↔ human hand-off lane saying when the bot passes the customer to a person.";
  if (!map.lanes.some((l) => l.type === "handoff"))
    return [
      at(
        map,
        ctx,
        { stageId: first.stageId, cardId: first.id },
        `Bot touchpoint ${quote(first)} has no hand-off lane.`,
        hint,
      ),
    ];
  const covered = new Set<string>(handoffs.map((h) => h.stageId));
  return bots
    .filter((b) => !covered.has(b.stageId))
    .map((b) =>
      at(
        map,
        ctx,
        { stageId: b.stageId, cardId: b.id },
        `Bot touchpoint ${quote(b)} has no hand-off in its stage.`,
        hint,
      ),
    );
}

/** handoff-missing: a bot serves customers but nothing says when a person takes over. */
export const handoffMissing: HealthRule = {
  id: "handoff-missing",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const silentBots = cardsOfKind(map.cards, "handoff")
      .filter((h) => h.fields.actor === "bot" && h.fields.triggers.length === 0)
      .map((h) =>
        at(
          map,
          ctx,
          { stageId: h.stageId, laneId: h.laneId, cardId: h.id },
          `Bot hand-off ${quote(h)} lists no trigger for passing to a person.`,
          "Add triggers such as “anger detected” or “question outside the bot's scope”.",
        ),
      );
    return [...botFindings(map, ctx), ...silentBots];
  },
};
