import { Hono } from "hono";
import { AttentionQuery, type AttentionView } from "../../../contract/attention.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** `GET /api/attention?owner=&kind=`: what is stale or overdue across the workspace. */
export function attentionRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const { owner, kind } = query(c, AttentionQuery);
    return c.json<AttentionView>(
      await c.var.services.attention.list(c.var.workspaceId, { owner, kinds: kind }),
    );
  });
  return r;
}
