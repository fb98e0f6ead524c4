import { Hono } from "hono";
import { ExportQuery } from "../../../contract/journeys.ts";
import { exportJourney } from "../../../services/export/transfer.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** `GET /api/journeys/:id/export?format=svg|png|pdf|pptx|xlsx|csv|mermaid|md|json&…options`. */
export function exportRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/export", async (c) => {
    const { format, inline, ...options } = query(c, ExportQuery);
    const file = await exportJourney(
      c.var.services.journeys,
      c.var.workspaceId,
      c.req.param("id"),
      format,
      options,
      c.var.services,
    );
    c.header("Content-Type", file.contentType);
    c.header(
      "Content-Disposition",
      `${inline === undefined ? "attachment" : "inline"}; filename="${file.fileName}"`,
    );
    return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
  });
  return r;
}
