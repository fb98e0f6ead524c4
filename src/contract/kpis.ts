import { z } from "zod";
import { text } from "../domain/model/text.ts";
import type { KpiReport } from "../services/kpis/kpi-service.ts";

// KPIs across maps, `/api/kpis` (docs/api.md).

/** Query of `GET /api/kpis`. */
export const KpisQuery = z.strictObject({
  /** Only the KPIs of this map. */
  mapId: text().min(1).max(100).optional(),
});

/** Answer of `GET /api/kpis`. */
export type KpisView = KpiReport;
