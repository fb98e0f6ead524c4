import { z } from "zod";
import { PortfolioBulkSchema, PortfolioFilterSchema } from "../domain/portfolio/index.ts";
import type { BulkMapResult, PortfolioReport } from "../services/portfolio/portfolio-service.ts";

// The portfolio across maps, `/api/portfolio` (docs/api.md).

/** Query of `GET /api/portfolio`: the filters, the order and `format` (json, or csv for issue trackers). */
export const PortfolioQuery = PortfolioFilterSchema.extend({
  /** json (default), or csv / xlsx (summary, description, assignee, due date, labels, link). */
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
});

/** Body of `PATCH /api/portfolio`. */
export const PortfolioBulkBody = PortfolioBulkSchema;

/** Answer of `GET /api/portfolio`. */
export type PortfolioView = PortfolioReport;

/** Answer of `PATCH /api/portfolio`: per map its new version and the batch that undoes the edit. */
export interface PortfolioBulkView {
  /** One entry per map changed. */
  maps: BulkMapResult[];
}
