import type {
  ComparisonView,
  HealthReportView,
  InsightsView,
  SummaryFormat,
} from "../../contract/analysis.ts";
import type { MapView } from "../../contract/journeys.ts";
import { api } from "./client.ts";
import { queryString, request } from "./request.ts";

const journey = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;

/** Typed client of the analysis endpoints (docs/api.md; types in src/contract/analysis.ts). */
export const analysisApi = {
  check: (id: string) => request<HealthReportView>("GET", `${journey(id)}/check`),
  insights: (id: string) => request<InsightsView>("GET", `${journey(id)}/insights`),
  /** The summary as text (md or html). */
  summaryText: (id: string, format: Exclude<SummaryFormat, "pdf">) =>
    request<string>("GET", `${journey(id)}/summary`, { query: { format }, as: "text" }),
  /** URL that downloads the summary as a file. */
  summaryDownloadUrl: (id: string, format: SummaryFormat) =>
    `${journey(id)}/summary${queryString({ format })}&download`,
  createFutureState: (id: string) => request<MapView>("POST", `${journey(id)}/future-state`),
  compare: (id: string, otherId: string) =>
    request<ComparisonView>("GET", `${journey(id)}/compare/${encodeURIComponent(otherId)}`),
  getJourney: api.getJourney,
};
