import type { DraftMapProposal, DraftMapRequest, DraftMapSaved } from "../../contract/draft-map.ts";
import { request } from "./request.ts";

const path = (logId: string) => `/api/logs/${encodeURIComponent(logId)}/draft-map`;

/** Typed client of `POST /api/logs/:id/draft-map`. */
export const draftsApi = {
  /** The proposal (nothing saved). */
  propose: (logId: string, review: DraftMapRequest = {}) =>
    request<DraftMapProposal>("POST", path(logId), { body: review }),
  /** Creates the reviewed draft as a map. */
  save: (logId: string, review: DraftMapRequest) =>
    request<DraftMapSaved>("POST", path(logId), { query: { save: 1 }, body: review }),
};
