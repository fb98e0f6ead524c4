import { AttentionFilterSchema, type AttentionReport } from "../domain/portfolio/index.ts";

// Needs attention across the workspace, `/api/attention` (docs/api.md).

/** Query of `GET /api/attention`: `owner`, `kind` (comma-separated kinds). */
export const AttentionQuery = AttentionFilterSchema;

/** Answer of `GET /api/attention`. */
export type AttentionView = AttentionReport;
