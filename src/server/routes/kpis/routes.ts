import { Hono } from "hono";
import { KpisQuery, type KpisView } from "../../../contract/kpis.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** `GET /api/kpis`: every KPI across maps with latest value, target, trend and solutions. */
export function kpiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const { mapId } = query(c, KpisQuery);
    return c.json<KpisView>(await c.var.services.kpis.list(c.var.workspaceId, mapId));
  });
  return r;
}
