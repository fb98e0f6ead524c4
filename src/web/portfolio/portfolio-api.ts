import type { AttentionKind, AttentionReport } from "../../domain/portfolio/index.ts";
import { ApiError } from "../api/client.ts";

export { ATTENTION_KINDS } from "../../domain/portfolio/attention.ts";
export type { AttentionItem, AttentionKind, AttentionReport } from "../../domain/portfolio/index.ts";

async function getJson<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path);
  } catch (e) {
    throw new ApiError(0, "network", `cannot reach the server (${(e as Error).message})`);
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? res.statusText);
  }
  return data as T;
}

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
  attention: (f: AttentionFilter = {}) => {
    const p = new URLSearchParams();
    if (f.owner) p.set("owner", f.owner);
    if (f.kinds?.length) p.set("kind", f.kinds.join(","));
    const q = p.toString();
    return getJson<AttentionReport>(`/api/attention${q ? `?${q}` : ""}`);
  },
};
