import type { Card } from "../model/card.ts";
import type { EmotionScale } from "../model/emotion-scale.ts";
import type { PersonaId, StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { compareCards, type StageCardDiff } from "./compare-cards.ts";
import { compareStages, type StageComparison, type StageRef } from "./compare-stages.ts";

export type { CardChange, CardPair, StageCardDiff } from "./compare-cards.ts";
export type { StageChange, StageComparison, StagePair, StageRef } from "./compare-stages.ts";

/** Emotion of one persona at one stage in both maps, on the common scale. */
export interface EmotionDelta {
  /** Stage name (the future name for matched stages). */
  stageName: string;
  /** Stage in the current map, null for an added stage. */
  currentStageId: StageId | null;
  /** Stage in the future map, null for a removed stage. */
  futureStageId: StageId | null;
  /** Persona (null for points without persona). */
  personaId: PersonaId | null;
  /** Mean level at the stage in the current map, null without points. */
  before: number | null;
  /** Mean level at the stage in the future map, converted to the common scale, null without points. */
  after: number | null;
  /** after − before, null when either is missing. */
  delta: number | null;
}

/** Current vs future comparison of two maps. */
export interface MapComparison {
  /** Stages added, removed and matched (with their changes). */
  stages: StageComparison;
  /** Cards added, removed and changed, per stage (stages without differences omitted). */
  cards: StageCardDiff[];
  /** Emotion change per stage per persona. */
  emotion: EmotionDelta[];
  /** Scale the emotion values are on: the current map's. */
  scale: Pick<EmotionScale, "min" | "max">;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Linear conversion without rounding to a level, so averages and finer scales keep their detail. */
export function rescale(
  value: number,
  from: Pick<EmotionScale, "min" | "max">,
  to: Pick<EmotionScale, "min" | "max">,
) {
  if (from.min === to.min && from.max === to.max) return value;
  return to.min + ((value - from.min) / (from.max - from.min)) * (to.max - to.min);
}

/** Mean emotion per persona at a stage (steps averaged), converted to `to`. */
function meansAt(map: JourneyMap, stageId: StageId | null, to: Pick<EmotionScale, "min" | "max">) {
  const sums = new Map<PersonaId | null, number[]>();
  for (const p of map.emotionPoints)
    if (p.stageId === stageId) sums.set(p.personaId, [...(sums.get(p.personaId) ?? []), p.value]);
  const means = new Map<PersonaId | null, number>();
  for (const [id, vs] of sums)
    means.set(id, round2(rescale(vs.reduce((a, b) => a + b, 0) / vs.length, map.emotionScale, to)));
  return means;
}

function emotionRows(current: JourneyMap, future: JourneyMap, stages: StageComparison): EmotionDelta[] {
  const to = current.emotionScale;
  const rows: [string, StageRef | null, StageRef | null][] = [
    ...stages.matched.map((p): [string, StageRef, StageRef] => [p.future.name, p.current, p.future]),
    ...stages.added.map((s): [string, null, StageRef] => [s.name, null, s]),
    ...stages.removed.map((s): [string, StageRef, null] => [s.name, s, null]),
  ];
  return rows.flatMap(([stageName, c, f]) => {
    const before = meansAt(current, c?.id ?? null, to);
    const after = meansAt(future, f?.id ?? null, to);
    const personas = [...new Set([...before.keys(), ...after.keys()])];
    return personas.map((personaId) => {
      const b = before.get(personaId) ?? null;
      const a = after.get(personaId) ?? null;
      const delta = a === null || b === null ? null : round2(a - b);
      return {
        stageName,
        currentStageId: c?.id ?? null,
        futureStageId: f?.id ?? null,
        personaId,
        before: b,
        after: a,
        delta,
      };
    });
  });
}

/**
 * Compares a current-state map with its future-state counterpart: stages (matched by id, then by
 * case-insensitive name), cards per stage, and emotion per stage and persona. When the maps use
 * different emotion scales, future values are converted linearly onto the current map's scale.
 */
export function compareMaps(current: JourneyMap, future: JourneyMap): MapComparison {
  const stages = compareStages(current, future);
  return {
    stages,
    cards: compareCards(current, future, stages),
    emotion: emotionRows(current, future, stages),
    scale: { min: current.emotionScale.min, max: current.emotionScale.max },
  };
}

/** Convenience for callers that only need to know whether anything differs. */
export function hasDifferences(c: MapComparison): boolean {
  const cardDiff = (d: { added: Card[]; removed: Card[]; changed: unknown[] }) =>
    d.added.length + d.removed.length + d.changed.length > 0;
  return (
    c.stages.added.length + c.stages.removed.length > 0 ||
    c.stages.matched.some((p) => p.changes.length > 0) ||
    c.cards.some(cardDiff) ||
    c.emotion.some((e) => e.delta !== 0)
  );
}
