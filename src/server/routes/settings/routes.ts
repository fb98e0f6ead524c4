import { Hono } from "hono";
import type { AppEnv } from "../../context.ts";
import { readJson } from "../../validate.ts";

/** `/api/settings`: workspace settings (health-check configuration). */
export function settingsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => c.json(await c.var.services.settings.get(c.var.workspaceId)));
  r.patch("/", async (c) =>
    c.json(await c.var.services.settings.update(c.var.workspaceId, await readJson(c))),
  );
  return r;
}
