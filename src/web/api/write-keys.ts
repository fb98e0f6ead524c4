import type { NewWriteKey, WriteKeyInfo } from "../../contract/write-keys.ts";
import { request } from "./request.ts";

const path = (logId: string) => `/api/logs/${encodeURIComponent(logId)}/write-key`;

/** Typed client of a log's live-events write key (docs/guide/live-events.md). */
export const writeKeysApi = {
  get: (logId: string) => request<{ key: WriteKeyInfo | null }>("GET", path(logId)),
  create: (logId: string) => request<NewWriteKey>("POST", path(logId), { body: {} }),
  revoke: (logId: string) => request<void>("DELETE", path(logId)),
};
