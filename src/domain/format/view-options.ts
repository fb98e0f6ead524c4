import type { JourneyMap } from "../model/journey-map.ts";
import type { Persona } from "../model/persona.ts";
import type { ExportOptions } from "./registry.ts";

/**
 * The part of a map a picture, slide deck or document shows: only the chosen lanes (and their
 * cards) and only the chosen personas' emotion points. Unknown ids are ignored; an empty choice
 * keeps everything. Not applied to the data formats (JSON, Mermaid, CSV, XLSX), which stay whole.
 */
export function selectView(
  map: JourneyMap,
  personas: readonly Persona[],
  options: Pick<ExportOptions, "lanes" | "personas">,
): { map: JourneyMap; personas: Persona[] } {
  const lanes = options.lanes?.length ? new Set(options.lanes) : null;
  const people = options.personas?.length ? new Set(options.personas) : null;
  const keptLanes = lanes ? map.lanes.filter((l) => lanes.has(l.id)) : map.lanes;
  const laneIds = new Set(keptLanes.map((l) => l.id as string));
  const personaIds = people ? map.personaIds.filter((p) => people.has(p)) : map.personaIds;
  const personaSet = new Set(personaIds as string[]);
  return {
    map: {
      ...map,
      lanes: keptLanes.filter((l) => !l.personaId || personaSet.has(l.personaId)),
      cards: map.cards.filter((c) => laneIds.has(c.laneId)),
      personaIds,
      emotionPoints: map.emotionPoints.filter((e) => !e.personaId || personaSet.has(e.personaId)),
    },
    personas: personas.filter((p) => personaSet.has(p.id)),
  };
}
