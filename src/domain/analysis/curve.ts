import type { EmotionScale } from "../model/emotion-scale.ts";
import { neutralOf } from "../model/emotion-scale.ts";
import type { PersonaId, StageId, StepId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { Stage } from "../model/structure.ts";
import { sortOrdered } from "../ordering.ts";

/** One point of a persona's emotion curve, placed in journey order. */
export interface CurvePoint {
  /** Persona of the curve (null on maps without personas). */
  personaId: PersonaId | null;
  /** Stage of the point. */
  stageId: StageId;
  /** Step of the point, when it sits on a step. */
  stepId: StepId | null;
  /** Level on the map's emotion scale. */
  value: number;
  /** Position in journey order: stage order, then the stage-level point, then step order. */
  position: number;
}

/** A persona's emotion curve: its points in journey order. */
export interface EmotionCurve {
  /** Persona of the curve (null on maps without personas). */
  personaId: PersonaId | null;
  /** Points in journey order. */
  points: CurvePoint[];
}

/** Stages sorted by their order key (maps from `fromYDoc` already are; plain objects may not be). */
export function orderedStages(map: Pick<JourneyMap, "stages">): Stage[] {
  return sortOrdered(map.stages).map((s) => ({ ...s, steps: sortOrdered(s.steps) }));
}

/** Position of each stage/step slot: `stageId` for stage-level points, `stageId/stepId` for steps. */
function slotPositions(map: Pick<JourneyMap, "stages">): Map<string, number> {
  const slots = new Map<string, number>();
  for (const stage of orderedStages(map)) {
    slots.set(stage.id, slots.size);
    for (const step of stage.steps) slots.set(`${stage.id}/${step.id}`, slots.size);
  }
  return slots;
}

/**
 * The emotion curve of every persona that has points, in the map's persona order (points without
 * a persona last). Points on unknown stages or steps are ignored.
 */
export function emotionCurves(
  map: Pick<JourneyMap, "stages" | "emotionPoints" | "personaIds">,
): EmotionCurve[] {
  const slots = slotPositions(map);
  const byPersona = new Map<PersonaId | null, CurvePoint[]>();
  for (const p of map.emotionPoints) {
    const position = slots.get(p.stepId ? `${p.stageId}/${p.stepId}` : p.stageId);
    if (position === undefined) continue;
    const list = byPersona.get(p.personaId) ?? [];
    list.push({ personaId: p.personaId, stageId: p.stageId, stepId: p.stepId, value: p.value, position });
    byPersona.set(p.personaId, list);
  }
  const rank = (id: PersonaId | null) => (id === null ? Number.MAX_SAFE_INTEGER : map.personaIds.indexOf(id));
  return [...byPersona.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([personaId, points]) => ({ personaId, points: points.sort((a, b) => a.position - b.position) }));
}

/**
 * Size of one level of the default 7-level scale expressed in levels of `scale`: thresholds are
 * written for −3…+3 (span 6) and scaled linearly, e.g. ×4/6 on 1–5 and ×9/6 on 1–10.
 */
export function levelFactor(scale: Pick<EmotionScale, "min" | "max">): number {
  return (scale.max - scale.min) / 6;
}

/** Lowest emotion level at each stage over all personas and steps (stages without points absent). */
export function lowestEmotionByStage(map: Pick<JourneyMap, "emotionPoints">): Map<StageId, number> {
  const lowest = new Map<StageId, number>();
  for (const p of map.emotionPoints)
    lowest.set(p.stageId, Math.min(lowest.get(p.stageId) ?? p.value, p.value));
  return lowest;
}

/** Neutral level of the map's scale (re-exported here so analysis code has one import). */
export function neutralLevel(map: Pick<JourneyMap, "emotionScale">): number {
  return neutralOf(map.emotionScale);
}
