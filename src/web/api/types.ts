import type { JourneyMap, Persona } from "../../domain/index.ts";

/** A map as answered by `GET /api/journeys/:id`: the map, its personas and its version. */
export type MapView = JourneyMap & { personas: Persona[]; version: number };

/** A row of `GET /api/journeys`. */
export interface JourneySummary {
  id: string;
  title: string;
  kind: JourneyMap["kind"];
  status: JourneyMap["status"];
  owner: string;
  tags: string[];
  personaIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A row of `GET /api/templates`. */
export interface TemplateSummary {
  id: string;
  title: string;
  kind: JourneyMap["kind"];
  description: string;
  stageCount: number;
  personaNames: string[];
  tags: string[];
}

/** Filters of the map list. */
export interface JourneyQuery {
  q?: string;
  kind?: string;
  status?: string;
  personaId?: string;
}
