import type {
  CommandsResult,
  JourneyQuery,
  JourneySummary,
  MapView,
  PatchJourneyRequest,
  TemplateSummary,
} from "../../contract/journeys.ts";
import type { MapCommand, MapKind, Persona, PersonaInput, PersonaPatch } from "../../domain/index.ts";
import { request } from "./request.ts";

export { ApiError, storedToken } from "./request.ts";

const journey = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;
const persona = (id: string) => `/api/personas/${encodeURIComponent(id)}`;

/** Typed client of the map, template and persona endpoints (docs/api.md; types in src/contract). */
export const api = {
  listJourneys: (q: JourneyQuery = {}) => request<JourneySummary[]>("GET", "/api/journeys", { query: q }),
  getJourney: (id: string) => request<MapView>("GET", journey(id)),
  createBlank: (title: string, kind: MapKind) =>
    request<MapView>("POST", "/api/journeys", { body: { title, kind } }),
  createFromTemplate: (templateId: string, title?: string) =>
    request<MapView>("POST", "/api/journeys", { body: title ? { templateId, title } : { templateId } }),
  patchJourney: (id: string, patch: PatchJourneyRequest) =>
    request<MapView>("PATCH", journey(id), { body: patch }),
  deleteJourney: (id: string) => request<void>("DELETE", journey(id)),
  exportJourney: (id: string) =>
    request<Record<string, unknown>>("GET", `${journey(id)}/export`, { query: { format: "json" } }),
  importJourney: (doc: unknown) => request<MapView>("POST", "/api/journeys/import", { body: doc }),
  applyCommands: (id: string, baseVersion: number, commands: MapCommand[]) =>
    request<CommandsResult>("POST", `${journey(id)}/commands`, { body: { baseVersion, commands } }),
  listTemplates: () => request<TemplateSummary[]>("GET", "/api/templates"),
  listPersonas: () => request<Persona[]>("GET", "/api/personas"),
  createPersona: (input: PersonaInput) => request<Persona>("POST", "/api/personas", { body: input }),
  updatePersona: (id: string, patch: PersonaPatch) => request<Persona>("PATCH", persona(id), { body: patch }),
  deletePersona: (id: string) => request<void>("DELETE", persona(id)),
};
