import type { KpisView } from "../../contract/kpis.ts";
import { request } from "../api/request.ts";

export type { KpiItem } from "../../domain/portfolio/index.ts";

/** Typed client of `GET /api/kpis` (docs/api.md). */
export const kpisApi = {
  /** Every KPI across maps with latest value, target, trend, history and solutions. */
  list: (mapId?: string) => request<KpisView>("GET", "/api/kpis", { query: { mapId } }),
};
