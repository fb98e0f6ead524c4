import type {
  FillKpisResult,
  FunnelRequest,
  LogInfo,
  MapDataReport,
  MapDurationsReport,
  PathsRequest,
  UploadLogOptions,
} from "../../contract/logs.ts";
import type { SurveyInfo, SurveyUpload } from "../../contract/surveys.ts";
import type {
  ActivityDurationsResult,
  DfgEdge,
  FunnelResult,
  LogStats,
  PathsResult,
  SurveyResults,
  VariantsResult,
} from "../../domain/journey-data/index.ts";
import { request } from "./request.ts";
import { type UploadProgress, uploadFile } from "./upload.ts";

const log = (id: string) => `/api/logs/${encodeURIComponent(id)}`;
const journey = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;

/** Typed client of the event-log, map-data and survey endpoints (types in src/contract). */
export const logsApi = {
  upload: (file: File, opts: UploadLogOptions, onProgress?: (p: UploadProgress) => void) =>
    uploadFile<LogInfo>("/api/logs", { filename: file.name, ...opts }, file, onProgress),
  list: () => request<LogInfo[]>("GET", "/api/logs"),
  get: (id: string) => request<LogInfo>("GET", log(id)),
  remove: (id: string) => request<void>("DELETE", log(id)),
  stats: (id: string) => request<LogStats>("GET", `${log(id)}/stats`),
  variants: (id: string, top = 10) =>
    request<VariantsResult>("GET", `${log(id)}/variants`, { query: { top } }),
  dfg: (id: string) => request<DfgEdge[]>("GET", `${log(id)}/dfg`),
  paths: (id: string, q: PathsRequest) => request<PathsResult>("GET", `${log(id)}/paths`, { query: q }),
  funnel: (id: string, q: FunnelRequest) =>
    request<FunnelResult>("GET", `${log(id)}/funnel`, { query: { ...q, steps: q.steps.join(",") } }),
  durations: (id: string) => request<ActivityDurationsResult>("GET", `${log(id)}/durations`),
  /** Activity durations and each stage's time in stage beside its SLA. */
  mapDurations: (mapId: string, logId: string) =>
    request<MapDurationsReport>("GET", `${journey(mapId)}/data/durations`, { query: { logId } }),
  mapData: (mapId: string, logId: string) =>
    request<MapDataReport>("GET", `${journey(mapId)}/data`, { query: { logId } }),
  /** Fills the data KPI cards; with `asOf` (YYYY-MM-DD) from the log as it was at the end of that day. */
  fillKpis: (mapId: string, logId: string, asOf?: string) =>
    request<FillKpisResult>("POST", `${journey(mapId)}/data/kpis`, {
      body: asOf ? { logId, asOf } : { logId },
    }),
  uploadSurvey: (
    mapId: string,
    file: File,
    name?: string,
    onProgress?: (p: UploadProgress) => void,
    stage?: string,
  ) =>
    uploadFile<SurveyUpload>(
      `${journey(mapId)}/surveys`,
      { filename: file.name, name, stage },
      file,
      onProgress,
    ),
  surveys: (mapId: string) => request<SurveyInfo[]>("GET", `${journey(mapId)}/surveys`),
  removeSurvey: (mapId: string, surveyId: string) =>
    request<void>("DELETE", `${journey(mapId)}/surveys/${encodeURIComponent(surveyId)}`),
  surveyResults: (mapId: string) => request<SurveyResults>("GET", `${journey(mapId)}/surveys/results`),
};
