import type { MapCommand, MapKind, Persona, PersonaInput, PersonaPatch } from "../../domain/index.ts";
import type { JourneyQuery, JourneySummary, MapView, TemplateSummary } from "./types.ts";

/** An error answered by the API (`{error:{code,message,details}}`) or a network failure. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 for a network failure. */
    readonly status: number,
    /** Stable error code, e.g. `conflict`, `invalid_command`, `network`. */
    readonly code: string,
    message: string,
    /** Extra details of the error (e.g. `currentVersion`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The bearer token this browser uses on a team server (token mode), from localStorage `wayline.token`. */
export function storedToken(): string | null {
  try {
    return localStorage.getItem("wayline.token");
  } catch {
    return null;
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  const token = storedToken();
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, "network", `cannot reach the server (${(e as Error).message})`);
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
      ?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? res.statusText, err?.details);
  }
  return data as T;
}

const qs = (q: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
};

/** Typed client of the Wayline REST API (docs/api.md). */
export const api = {
  listJourneys: (q: JourneyQuery = {}) => request<JourneySummary[]>("GET", `/api/journeys${qs({ ...q })}`),
  getJourney: (id: string) => request<MapView>("GET", `/api/journeys/${encodeURIComponent(id)}`),
  createBlank: (title: string, kind: MapKind) => request<MapView>("POST", "/api/journeys", { title, kind }),
  createFromTemplate: (templateId: string, title?: string) =>
    request<MapView>("POST", "/api/journeys", title ? { templateId, title } : { templateId }),
  patchJourney: (id: string, patch: Record<string, unknown>) =>
    request<MapView>("PATCH", `/api/journeys/${encodeURIComponent(id)}`, patch),
  deleteJourney: (id: string) => request<void>("DELETE", `/api/journeys/${encodeURIComponent(id)}`),
  exportJourney: (id: string) =>
    request<Record<string, unknown>>("GET", `/api/journeys/${encodeURIComponent(id)}/export?format=json`),
  importJourney: (doc: unknown) => request<MapView>("POST", "/api/journeys/import", doc),
  applyCommands: (id: string, baseVersion: number, commands: MapCommand[]) =>
    request<MapView & { created: string[] }>("POST", `/api/journeys/${encodeURIComponent(id)}/commands`, {
      baseVersion,
      commands,
    }),
  listTemplates: () => request<TemplateSummary[]>("GET", "/api/templates"),
  listPersonas: () => request<Persona[]>("GET", "/api/personas"),
  createPersona: (input: PersonaInput) => request<Persona>("POST", "/api/personas", input),
  updatePersona: (id: string, patch: PersonaPatch) =>
    request<Persona>("PATCH", `/api/personas/${encodeURIComponent(id)}`, patch),
  deletePersona: (id: string) => request<void>("DELETE", `/api/personas/${encodeURIComponent(id)}`),
};
