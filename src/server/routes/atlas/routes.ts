import { Hono } from "hono";
import { AtlasQuery, type AtlasView } from "../../../contract/atlas.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** `GET /api/atlas?personaId=&tag=&owner=&status=&stale=`: every journey, personas × lifecycle phases. */
export function atlasRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) =>
    c.json<AtlasView>(await c.var.services.atlas.get(c.var.workspaceId, query(c, AtlasQuery))),
  );
  return r;
}
