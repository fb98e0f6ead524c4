import { Hono } from "hono";
import { AttentionFilterSchema } from "../../../domain/portfolio/index.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** `GET /api/attention?owner=&kind=`: what is stale or overdue across the workspace. */
export function attentionRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const { owner, kind } = query(c, AttentionFilterSchema);
    return c.json(await c.var.services.attention.list(c.var.workspaceId, { owner, kinds: kind }));
  });
  return r;
}
