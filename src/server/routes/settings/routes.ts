import { Hono } from "hono";
import { z } from "zod";
import { recordKey } from "../../../domain/model/text.ts";
import type { AppEnv } from "../../context.ts";
import { body } from "../../validate.ts";

/**
 * Body of `PATCH /api/settings`: an object of known sections (not `[]`, `null`, a number …); the
 * sections themselves are checked by the settings schema after merging.
 */
const SettingsPatchBody = z.strictObject({
  health: z.record(recordKey(), z.unknown()).optional(),
  priority: z.record(recordKey(), z.unknown()).optional(),
});

/** `/api/settings`: workspace settings (health-check configuration, priority model). */
export function settingsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => c.json(await c.var.services.settings.get(c.var.workspaceId)));
  r.patch("/", async (c) =>
    c.json(await c.var.services.settings.update(c.var.workspaceId, await body(c, SettingsPatchBody))),
  );
  return r;
}
