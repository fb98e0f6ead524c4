import { Hono } from "hono";
import {
  type ComparisonView,
  type HealthReportView,
  type InsightsView,
  SummaryQuery,
} from "../../../contract/analysis.ts";
import type { MapView } from "../../../contract/journeys.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";
import { present } from "../journeys/routes.ts";

/** Analysis of a map, mounted under `/api/journeys`. */
export function analysisRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/check", async (c) => {
    const report = await c.var.services.analysis.check(c.var.workspaceId, c.req.param("id"));
    return c.json<HealthReportView>({
      score: report.score,
      counts: report.counts,
      findings: report.findings,
    });
  });
  r.get("/:id/insights", async (c) =>
    c.json<InsightsView>(await c.var.services.analysis.insights(c.var.workspaceId, c.req.param("id"))),
  );
  r.get("/:id/summary", async (c) => {
    const { format } = query(c, SummaryQuery);
    const file = await c.var.services.analysis.summary(c.var.workspaceId, c.req.param("id"), format);
    c.header("Content-Type", file.contentType);
    if (c.req.query("download") !== undefined)
      c.header("Content-Disposition", `attachment; filename="summary.${file.extension}"`);
    return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
  });
  r.post("/:id/future-state", async (c) =>
    c.json<MapView>(
      present(await c.var.services.analysis.createFutureState(c.var.workspaceId, c.req.param("id"))),
      201,
    ),
  );
  r.get("/:id/compare/:otherId", async (c) =>
    c.json<ComparisonView>(
      await c.var.services.analysis.compare(c.var.workspaceId, c.req.param("id"), c.req.param("otherId")),
    ),
  );
  return r;
}
