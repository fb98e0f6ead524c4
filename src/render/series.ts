import type { JourneyMap, Persona } from "../domain/index.ts";
import type { EmotionSeries } from "./EmotionCurve.tsx";

/** The default colour of the curve of a map without personas. */
export const MAP_CURVE_COLOR = "#3b6fd8";

/**
 * Emotion series of a map: one per attached persona (in the map's persona order), or a single
 * series for points without a persona when the map has none. Points at steps are ignored here;
 * the stage-level point is the stage's value.
 */
export function emotionSeries(
  map: Pick<JourneyMap, "stages" | "emotionPoints" | "personaIds">,
  personas: readonly Pick<Persona, "id" | "name" | "avatar">[],
  onlyPersonaId: string | null = null,
): EmotionSeries[] {
  const byId = new Map(personas.map((p) => [p.id as string, p]));
  const owners: (string | null)[] = map.personaIds.length ? [...map.personaIds] : [null];
  const stageIndex = new Map(map.stages.map((s, i) => [s.id as string, i]));
  return owners
    .filter((id) => onlyPersonaId === null || id === onlyPersonaId)
    .map((personaId) => {
      const p = personaId ? byId.get(personaId) : undefined;
      const points: EmotionSeries["points"] = map.stages.map(() => null);
      for (const e of map.emotionPoints) {
        if (e.personaId !== personaId || e.stepId) continue;
        const i = stageIndex.get(e.stageId);
        if (i !== undefined) points[i] = { value: e.value, emoji: e.emoji, reason: e.reason };
      }
      return {
        personaId,
        name: p?.name ?? (personaId ? "Persona" : "Customer"),
        color: p?.avatar.color ?? MAP_CURVE_COLOR,
        points,
      };
    });
}
