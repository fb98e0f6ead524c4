import type { ActivityRule } from "../model/activity-rule.ts";
import type { Card } from "../model/card.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { EmotionPoint } from "../model/structure.ts";
import type { MapCommand } from "./registry.ts";

/** Commands that rebuild what a command removed; shared by the inverses (undo). */

/** Position of the item `id` in a list, -1 when absent. */
export const indexOf = <T extends { id: string }>(list: readonly T[], id: string) =>
  list.findIndex((x) => x.id === id);

/** The cards sharing a card's cell (lane, stage, step), in order. */
export function cellCards(m: JourneyMap, card: Card): Card[] {
  return m.cards.filter(
    (c) => c.laneId === card.laneId && c.stageId === card.stageId && c.stepId === card.stepId,
  );
}

/** Position of a card within its cell. */
export const cellIndex = (m: JourneyMap, card: Card) => cellCards(m, card).findIndex((c) => c.id === card.id);

/** The commands that recreate a card exactly (id, position, text, fields, evidence). */
export function recreateCard(m: JourneyMap, card: Card): MapCommand[] {
  const { kind: _kind, ...fields } = card.fields;
  return [
    {
      type: "addCard",
      id: card.id,
      laneId: card.laneId,
      stageId: card.stageId,
      stepId: card.stepId,
      index: Math.max(0, cellIndex(m, card)),
      text: card.text,
      color: card.color,
      confidence: card.confidence,
      fields,
      isSample: card.isSample,
    },
    ...card.evidence.map((evidence): MapCommand => ({ type: "addEvidence", cardId: card.id, evidence })),
  ];
}

/** Card fields that link to other cards (an idea's pain points, a solution's KPIs). */
const LINK_FIELDS = ["painPointIds", "kpiIds"] as const;

/**
 * The commands that recreate several cards that may link to each other: every card first with
 * its links empty, then the links, so a link never names a card not yet recreated.
 */
export function recreateCards(m: JourneyMap, cards: readonly Card[]): MapCommand[] {
  const adds: MapCommand[] = [];
  const links: MapCommand[] = [];
  for (const card of cards) {
    const [add, ...rest] = recreateCard(m, card);
    const fields = (add as { fields: Record<string, unknown> }).fields;
    const linked = LINK_FIELDS.filter((k) => Array.isArray(fields[k]) && (fields[k] as unknown[]).length > 0);
    if (add && linked.length > 0) {
      const emptied = Object.fromEntries(linked.map((k) => [k, []]));
      adds.push({ ...add, fields: { ...fields, ...emptied } } as MapCommand);
      links.push({
        type: "updateCard",
        id: card.id,
        fields: Object.fromEntries(linked.map((k) => [k, fields[k]])),
      } as MapCommand);
    } else if (add) adds.push(add);
    adds.push(...rest);
  }
  return [...adds, ...links];
}

/** Commands putting back the rules linked to a touchpoint card (stage and link) as they were. */
export function restoreLinkedRules(m: JourneyMap, cardId: string): MapCommand[] {
  return m.activityRules
    .filter((r) => r.touchpointId === cardId)
    .map((r) => ({ type: "updateActivityRule", id: r.id, stageId: r.stageId, touchpointId: r.touchpointId }));
}

/** The command that sets an emotion point back. */
export function restorePoint(p: EmotionPoint): MapCommand {
  return {
    type: "setEmotion",
    personaId: p.personaId,
    stageId: p.stageId,
    stepId: p.stepId,
    value: p.value,
    emoji: p.emoji,
    reason: p.reason,
  };
}

/** The emotion point at a place of the plain map, if any. */
export function pointAt(
  m: JourneyMap,
  at: { personaId?: string | null; stageId: string; stepId?: string | null },
): EmotionPoint | undefined {
  const personaId = at.personaId ?? null;
  const stepId = at.stepId ?? null;
  return m.emotionPoints.find(
    (p) => p.personaId === personaId && p.stageId === at.stageId && p.stepId === stepId,
  );
}

/** The command that recreates a rule at its position. */
export function recreateRule(m: JourneyMap, r: ActivityRule): MapCommand {
  return {
    type: "addActivityRule",
    id: r.id,
    match: r.match,
    pattern: r.pattern,
    ignoreCase: r.ignoreCase,
    stageId: r.stageId,
    touchpointId: r.touchpointId,
    index: Math.max(0, indexOf(m.activityRules, r.id)),
  };
}

/** Commands relinking rules to touchpoint cards that a deletion removes. */
export function relinkRules(m: JourneyMap, deletedCardIds: ReadonlySet<string>): MapCommand[] {
  return m.activityRules
    .filter((r) => r.touchpointId && deletedCardIds.has(r.touchpointId))
    .map((r) => ({ type: "updateActivityRule", id: r.id, touchpointId: r.touchpointId }));
}
