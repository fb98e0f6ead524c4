import { cardMeta, type JourneyMap, type Stage, sortOrdered } from "../../domain/index.ts";

/** One slide of the presentation: a stage, or a phase with its stages. */
export interface PresentUnit {
  key: string;
  title: string;
  /** Phase name above a stage's title. */
  kicker: string | null;
  stages: Stage[];
}

/** Slides stage by stage, or phase by phase (stages without a phase stay single slides). */
export function presentUnits(map: JourneyMap, byPhase: boolean): PresentUnit[] {
  const phases = new Map(map.phases.map((p) => [p.id as string, p.name]));
  const units: PresentUnit[] = [];
  for (const s of sortOrdered(map.stages)) {
    const phase = s.phaseId ? phases.get(s.phaseId) : undefined;
    const last = units[units.length - 1];
    if (byPhase && phase && last?.key === s.phaseId) last.stages.push(s);
    else if (byPhase && phase)
      units.push({ key: s.phaseId as string, title: phase, kicker: null, stages: [s] });
    else units.push({ key: s.id, title: s.name, kicker: phase ?? null, stages: [s] });
  }
  return units;
}

/** Texts (with their typed fields) of a kind of card in some stages. */
export function cardsIn(
  map: JourneyMap,
  stageIds: readonly string[],
  kind: string,
): { id: string; text: string; meta: string }[] {
  return map.cards
    .filter((c) => stageIds.includes(c.stageId) && c.fields.kind === kind)
    .map((c) => ({
      id: c.id,
      text: c.text,
      meta: cardMeta(c)
        .filter((m) => m !== c.text)
        .join(" · "),
    }));
}
