import { Hono } from "hono";
import type { HierarchyView } from "../../../contract/hierarchy.ts";
import type { AppEnv } from "../../context.ts";

/** `GET /api/journeys/:id/hierarchy`: parents, breadcrumb and the roll-ups of linked stages. */
export function hierarchyRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/hierarchy", async (c) =>
    c.json<HierarchyView>(await c.var.services.hierarchy.get(c.var.workspaceId, c.req.param("id"))),
  );
  return r;
}
