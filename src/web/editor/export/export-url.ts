import { MAP_FORMATS, type MapFormat } from "../../../domain/index.ts";

/** What the Export dialog lets a user choose. */
export interface ExportChoice {
  format: MapFormat;
  theme: "light" | "dark";
  page: "A4" | "A3" | "A1" | "A0";
  layout: "fit" | "tile";
  scale: 1 | 2;
  /** Draw the data overlay (pictures and slides). */
  overlay: boolean;
}

/** Formats that draw the data overlay (as the server's OVERLAY_FORMATS). */
export const canOverlay = (f: MapFormat) => MAP_FORMATS[f].picture || f === "pptx";

/**
 * URL of `GET /api/journeys/:id/export` for a choice; `inline` for the preview (a PDF's preview is
 * its first page as an image, `preview=page`).
 */
export function exportUrl(mapId: string, c: ExportChoice, inline = false): string {
  const q = new URLSearchParams({ format: c.format });
  if (MAP_FORMATS[c.format].picture || c.format === "pptx") q.set("theme", c.theme);
  if (c.format === "pdf") {
    q.set("page", c.page);
    q.set("layout", c.layout);
  }
  if (c.format === "png") q.set("scale", String(c.scale));
  if (c.overlay && canOverlay(c.format)) q.set("overlay", "1");
  if (inline) q.set("inline", "");
  if (inline && c.format === "pdf") q.set("preview", "page");
  return `/api/journeys/${encodeURIComponent(mapId)}/export?${q}`;
}
