import { Hono } from "hono";
import {
  FillKpisBody,
  type FillKpisResult,
  MapDataQuery,
  type MapDataReport,
  type MapDurationsReport,
} from "../../../contract/logs.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { present } from "../journeys/routes.ts";

/** Data overlay of a map, mounted under `/api/journeys`. */
export function mapDataRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/data", async (c) => {
    const { logId } = query(c, MapDataQuery);
    return c.json<MapDataReport>(
      await c.var.services.mapData.report(c.var.workspaceId, c.req.param("id"), logId),
    );
  });
  r.get("/:id/data/durations", async (c) => {
    const { logId } = query(c, MapDataQuery);
    return c.json<MapDurationsReport>(
      await c.var.services.mapData.durations(c.var.workspaceId, c.req.param("id"), logId),
    );
  });
  r.post("/:id/data/kpis", async (c) => {
    const { logId, asOf } = await body(c, FillKpisBody);
    const { view, report } = await c.var.services.mapData.fillKpis(
      c.var.workspaceId,
      c.req.param("id"),
      logId,
      asOf,
    );
    return c.json<FillKpisResult>({ map: present(view), report });
  });
  return r;
}
