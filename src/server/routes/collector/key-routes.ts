import { Hono } from "hono";
import type { AppEnv } from "../../context.ts";

/**
 * `/api/logs/:id/write-key`: the log's live-events write key. POST creates or rotates it (the key
 * is in this answer only), GET describes it without the key, DELETE revokes it.
 */
export function writeKeyRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const collector = (c: { var: AppEnv["Variables"] }) => c.var.services.collector;
  r.get("/:id/write-key", async (c) =>
    c.json({ key: await collector(c).keyOf(c.var.workspaceId, c.req.param("id")) }),
  );
  r.post("/:id/write-key", async (c) =>
    c.json(await collector(c).createKey(c.var.workspaceId, c.req.param("id"), c.var.identity.name), 201),
  );
  r.delete("/:id/write-key", async (c) => {
    await collector(c).revokeKey(c.var.workspaceId, c.req.param("id"));
    return c.body(null, 204);
  });
  return r;
}
