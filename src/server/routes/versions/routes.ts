import { Hono } from "hono";
import type { AppEnv } from "../../context.ts";
import { body } from "../../validate.ts";
import { present } from "../journeys/routes.ts";
import { CreateVersionBody } from "./schema.ts";

/** `/api/journeys/:id/versions`: version history — list, name a version, preview + diff, restore. */
export function versionRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/versions", async (c) =>
    c.json(await c.var.services.versions.list(c.var.workspaceId, c.req.param("id"))),
  );
  r.post("/:id/versions", async (c) => {
    const { label } = await body(c, CreateVersionBody);
    const v = await c.var.services.versions.create(c.var.workspaceId, c.req.param("id"), label, [
      c.var.identity.name,
    ]);
    return c.json(v, 201);
  });
  r.get("/:id/versions/:vid", async (c) =>
    c.json(await c.var.services.versions.get(c.var.workspaceId, c.req.param("id"), c.req.param("vid"))),
  );
  r.post("/:id/versions/:vid/restore", async (c) => {
    const view = await c.var.services.versions.restore(
      c.var.workspaceId,
      c.req.param("id"),
      c.req.param("vid"),
      [c.var.identity.name],
    );
    return c.json(present(view));
  });
  return r;
}
