import { Hono } from "hono";
import { z } from "zod";
import { text } from "../../../domain/model/text.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { present } from "../journeys/routes.ts";
import { MapDataQuery } from "./schema.ts";

/** Data overlay of a map, mounted under `/api/journeys`. */
export function mapDataRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/data", async (c) => {
    const { logId } = query(c, MapDataQuery);
    return c.json(await c.var.services.mapData.report(c.var.workspaceId, c.req.param("id"), logId));
  });
  r.post("/:id/data/kpis", async (c) => {
    const { logId } = await body(c, z.strictObject({ logId: text().min(1).max(64) }));
    const { view, report } = await c.var.services.mapData.fillKpis(
      c.var.workspaceId,
      c.req.param("id"),
      logId,
    );
    return c.json({ map: present(view), report });
  });
  return r;
}
