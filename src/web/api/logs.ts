import type {
  DesignedVsActual,
  DfgEdge,
  FunnelResult,
  LogStats,
  PathsResult,
  SurveyResults,
  VariantsResult,
} from "../../domain/journey-data/index.ts";

export type {
  ActivityCount,
  DfgEdge,
  DurationSummary,
  FunnelFigures,
  FunnelResult,
  FunnelStep,
  LogStats,
  PathsResult,
  VariantsResult,
} from "../../domain/journey-data/index.ts";

import type { MapView } from "./types.ts";

// Wire types of the journey-analytics endpoints (docs/api.md). Result shapes come from the domain
// (src/domain/journey-data/log-results.ts), which the analytics engines produce.

/** One invalid row of an import. */
export interface RowError {
  line: number;
  column?: string;
  reason: string;
}

/** A workspace log as listed by `GET /api/logs`. */
export interface LogInfo {
  id: string;
  name: string;
  fileName: string;
  stats: LogStats;
  report: {
    rows: number;
    events: number;
    errors: RowError[];
    mapping?: { case: string; activity: string; timestamp: string };
  };
  createdAt?: string;
}

/** Funnel mode. */
export type FunnelMode = "sequential" | "strict" | "any";

/** `GET /api/journeys/:id/data`. */
export interface MapDataReport extends DesignedVsActual {
  logId: string;
  logName: string;
  coverage: number;
}

/** A survey of a map. */
export interface SurveyInfo {
  id: string;
  name: string;
  responses: number;
  createdAt: string;
}

/** Answer of a survey upload. */
export interface SurveyUpload {
  id: string;
  name: string;
  responses: number;
  errors: RowError[];
}

/** Upload progress: bytes sent, then "processing" while the server imports. */
export type UploadProgress = { phase: "uploading"; loaded: number; total: number } | { phase: "processing" };

/**
 * Sends a file as the raw request body with XMLHttpRequest (fetch has no upload progress), and
 * reports progress; resolves with the JSON answer or rejects with the server's error message.
 */
export function uploadFile<T>(url: string, file: Blob, onProgress?: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    // A custom header forces a CORS preflight: the server takes raw uploads only with it.
    xhr.setRequestHeader("x-wayline-upload", "1");
    xhr.upload.onprogress = (e) =>
      onProgress?.({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onProgress?.({ phase: "processing" });
    xhr.onerror = () => reject(new Error("cannot reach the server"));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep null and fall back to the status text
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(new Error(errorMessage(data) ?? `${xhr.status} ${xhr.statusText}`));
    };
    xhr.send(file);
  });
}

const errorMessage = (data: unknown) => (data as { error?: { message?: string } } | null)?.error?.message;

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new Error(`cannot reach the server (${(e as Error).message})`);
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(errorMessage(data) ?? `${res.status} ${res.statusText}`);
  return data as T;
}

const qs = (q: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
};

const log = (id: string) => `/api/logs/${encodeURIComponent(id)}`;
const journey = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;

/** Column mapping and format options of a log upload (empty = detect). */
export interface UploadLogOptions {
  name?: string;
  case?: string;
  activity?: string;
  timestamp?: string;
  delimiter?: string;
}

/** Typed client of the event-log, map-data and survey endpoints. */
export const logsApi = {
  upload: (file: File, opts: UploadLogOptions, onProgress?: (p: UploadProgress) => void) =>
    uploadFile<LogInfo>(`/api/logs${qs({ filename: file.name, ...opts })}`, file, onProgress),
  list: () => json<LogInfo[]>("/api/logs"),
  get: (id: string) => json<LogInfo>(log(id)),
  remove: (id: string) => json<void>(log(id), { method: "DELETE" }),
  stats: (id: string) => json<LogStats>(`${log(id)}/stats`),
  variants: (id: string, top = 10) => json<VariantsResult>(`${log(id)}/variants${qs({ top })}`),
  dfg: (id: string) => json<DfgEdge[]>(`${log(id)}/dfg`),
  paths: (id: string, q: { from?: string; to?: string; depth?: number; top?: number }) =>
    json<PathsResult>(`${log(id)}/paths${qs(q)}`),
  funnel: (id: string, q: { steps: string[]; mode: FunnelMode; window?: string; by?: string }) =>
    json<FunnelResult>(
      `${log(id)}/funnel${qs({ steps: q.steps.join(","), mode: q.mode, window: q.window, by: q.by })}`,
    ),
  mapData: (mapId: string, logId: string) => json<MapDataReport>(`${journey(mapId)}/data${qs({ logId })}`),
  fillKpis: (mapId: string, logId: string) =>
    json<{ map: MapView; report: MapDataReport }>(`${journey(mapId)}/data/kpis`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ logId }),
    }),
  uploadSurvey: (mapId: string, file: File, name?: string, onProgress?: (p: UploadProgress) => void) =>
    uploadFile<SurveyUpload>(
      `${journey(mapId)}/surveys${qs({ filename: file.name, name })}`,
      file,
      onProgress,
    ),
  surveys: (mapId: string) => json<SurveyInfo[]>(`${journey(mapId)}/surveys`),
  removeSurvey: (mapId: string, surveyId: string) =>
    json<void>(`${journey(mapId)}/surveys/${encodeURIComponent(surveyId)}`, { method: "DELETE" }),
  surveyResults: (mapId: string) => json<SurveyResults>(`${journey(mapId)}/surveys/results`),
};
