import { Hono } from "hono";
import { CreatePersonaBody, PatchPersonaBody } from "../../../contract/personas.ts";
import type { AppEnv } from "../../context.ts";
import { body } from "../../validate.ts";

/** `/api/personas`: CRUD on the workspace's personas. */
export function personaRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => c.json(await c.var.services.personas.list(c.var.workspaceId)));
  r.post("/", async (c) =>
    c.json(await c.var.services.personas.create(c.var.workspaceId, await body(c, CreatePersonaBody)), 201),
  );
  r.get("/:id", async (c) => c.json(await c.var.services.personas.get(c.var.workspaceId, c.req.param("id"))));
  r.patch("/:id", async (c) =>
    c.json(
      await c.var.services.personas.update(
        c.var.workspaceId,
        c.req.param("id"),
        await body(c, PatchPersonaBody),
      ),
    ),
  );
  r.delete("/:id", async (c) => {
    await c.var.services.personas.delete(c.var.workspaceId, c.req.param("id"));
    return c.body(null, 204);
  });
  return r;
}
