import { Hono } from "hono";
import { ExportQuery } from "../../../contract/journeys.ts";
import { WaylineError } from "../../../domain/index.ts";
import { exportJourney } from "../../../services/export/transfer.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** `GET /api/journeys/:id/export?format=svg|png|pdf|pptx|xlsx|csv|mermaid|md|json&…options`. */
export function exportRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/export", async (c) => {
    const { format, inline, preview, ...options } = query(c, ExportQuery);
    if (preview && format !== "pdf")
      throw new WaylineError("invalid_request", "preview=page is for format=pdf", {
        problems: [{ path: "query.preview", message: "only with format=pdf" }],
      });
    const file = await exportJourney(
      c.var.services.journeys,
      c.var.workspaceId,
      c.req.param("id"),
      format,
      options,
      c.var.services,
    );
    if (preview && typeof file.body !== "string") {
      const { pdfFirstPage, pdfPageCount } = await import("../../../services/export/pdf-preview.ts");
      const png = await pdfFirstPage(file.body);
      c.header("Content-Type", "image/png");
      c.header("X-Wayline-Pdf-Pages", String(pdfPageCount(file.body)));
      c.header("Cache-Control", "no-store");
      return c.body(new Uint8Array(png));
    }
    c.header("Content-Type", file.contentType);
    c.header(
      "Content-Disposition",
      `${inline === undefined ? "attachment" : "inline"}; filename="${file.fileName}"`,
    );
    return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body));
  });
  return r;
}
