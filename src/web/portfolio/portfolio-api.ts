import type { AttentionView } from "../../contract/attention.ts";
import type {
  PainLinkDecision,
  PainRef,
  PortfolioBulkView,
  PortfolioView,
  SimilarDecisionView,
  SimilarView,
} from "../../contract/portfolio.ts";
import type { AttentionKind, PortfolioBulk, PortfolioFilter } from "../../domain/portfolio/index.ts";
import { queryString, request } from "../api/request.ts";

export type {
  PainBrief,
  PainLinkDecision,
  PainRef,
  SimilarPainEntry,
  SimilarSuggestion,
} from "../../contract/portfolio.ts";
export { ATTENTION_KINDS } from "../../domain/portfolio/attention.ts";
export type {
  AttentionItem,
  AttentionKind,
  AttentionReport,
  PortfolioBulk,
  PortfolioFilter,
  PortfolioItem,
} from "../../domain/portfolio/index.ts";

/** Filters of `GET /api/attention`. */
export interface AttentionFilter {
  /** Only what this owner has to act on. */
  owner?: string | undefined;
  /** Only these kinds. */
  kinds?: readonly AttentionKind[] | undefined;
}

/** Typed client of the cross-map endpoints (docs/api.md). */
export const portfolioApi = {
  /** `GET /api/attention`: what is stale or overdue across the workspace. */
  attention: (f: AttentionFilter = {}) =>
    request<AttentionView>("GET", "/api/attention", {
      query: { owner: f.owner, kind: f.kinds?.length ? f.kinds.join(",") : undefined },
    }),
  /** `GET /api/portfolio`: pain points and ideas across maps. */
  portfolio: (f: Partial<PortfolioFilter> = {}) =>
    request<PortfolioView>("GET", "/api/portfolio", { query: portfolioQuery(f) }),
  /** `PATCH /api/portfolio`: the same owner, status and/or due date on many pain points. */
  bulkEdit: (bulk: PortfolioBulk) => request<PortfolioBulkView>("PATCH", "/api/portfolio", { body: bulk }),
  /** `GET /api/portfolio/similar`: similar pain points of other maps, and linked siblings. */
  similar: (only?: PainRef) =>
    request<SimilarView>("GET", "/api/portfolio/similar", {
      query: { mapId: only?.mapId, cardId: only?.cardId },
    }),
  /** `POST /api/portfolio/similar`: link two pain points, dismiss the suggestion, or unlink. */
  decideSimilar: (a: PainRef, b: PainRef, decision: PainLinkDecision) =>
    request<SimilarDecisionView>("POST", "/api/portfolio/similar", { body: { a, b, decision } }),
  /** Link of the issue-tracker CSV of the filtered portfolio. */
  csvHref: (f: Partial<PortfolioFilter> = {}) =>
    `/api/portfolio${queryString({ ...portfolioQuery(f), format: "csv" })}`,
  /** Link of the issue-tracker XLSX of the filtered portfolio. */
  xlsxHref: (f: Partial<PortfolioFilter> = {}) =>
    `/api/portfolio${queryString({ ...portfolioQuery(f), format: "xlsx" })}`,
};

function portfolioQuery(f: Partial<PortfolioFilter>) {
  return {
    type: f.type,
    status: f.status,
    owner: f.owner,
    mapId: f.mapId,
    personaId: f.personaId,
    overdue: f.overdue ? "true" : undefined,
    sort: f.sort,
  };
}
