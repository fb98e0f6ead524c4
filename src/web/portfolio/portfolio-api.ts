import type { AttentionView } from "../../contract/attention.ts";
import type { AttentionKind } from "../../domain/portfolio/index.ts";
import { request } from "../api/request.ts";

export { ATTENTION_KINDS } from "../../domain/portfolio/attention.ts";
export type { AttentionItem, AttentionKind, AttentionReport } from "../../domain/portfolio/index.ts";

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
};
