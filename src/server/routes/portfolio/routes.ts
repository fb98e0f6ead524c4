import { Hono } from "hono";
import {
  PortfolioBulkBody,
  type PortfolioBulkView,
  PortfolioQuery,
  type PortfolioView,
  SimilarDecisionBody,
  type SimilarDecisionView,
  SimilarQuery,
  type SimilarView,
} from "../../../contract/portfolio.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";

/**
 * `GET /api/portfolio` (JSON, tracker CSV or XLSX), `PATCH /api/portfolio` (bulk edit) and
 * `GET|POST /api/portfolio/similar` (similar pain points across maps: suggestions, link, dismiss).
 */
export function portfolioRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const { format, ...filter } = query(c, PortfolioQuery);
    const svc = c.var.services.portfolio;
    if (format === "csv") {
      const csv = await svc.csv(c.var.workspaceId, filter, new URL(c.req.url).origin);
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="portfolio.csv"');
      return c.body(csv);
    }
    if (format === "xlsx") {
      const xlsx = await svc.xlsx(c.var.workspaceId, filter, new URL(c.req.url).origin);
      c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      c.header("Content-Disposition", 'attachment; filename="portfolio.xlsx"');
      return c.body(new Uint8Array(xlsx));
    }
    return c.json<PortfolioView>(await svc.list(c.var.workspaceId, filter));
  });
  r.patch("/", async (c) => {
    const bulk = await body(c, PortfolioBulkBody);
    return c.json<PortfolioBulkView>(await c.var.services.portfolio.bulkEdit(c.var.workspaceId, bulk));
  });
  r.get("/similar", async (c) => {
    const { mapId, cardId } = query(c, SimilarQuery);
    const only = mapId && cardId ? { mapId, cardId } : undefined;
    return c.json<SimilarView>(await c.var.services.similarPains.report(c.var.workspaceId, only));
  });
  r.post("/similar", async (c) => {
    const { a, b, decision } = await body(c, SimilarDecisionBody);
    return c.json<SimilarDecisionView>(
      await c.var.services.similarPains.decide(c.var.workspaceId, a, b, decision),
    );
  });
  return r;
}
