import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WaylineError } from "../../domain/index.ts";

/** Where poppler's rasteriser is looked for (`WAYLINE_PDFTOPPM` overrides). */
const PDFTOPPM = process.env.WAYLINE_PDFTOPPM ?? "/usr/bin/pdftoppm";
/** Longest side of the preview image in px, and the most time the rasteriser may take. */
export const PDF_PREVIEW = { maxSide: 1400, timeoutMs: 20_000 } as const;

/** Pages of a PDF written by pdfkit (one `/Type /Page` object each). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
}

/** True when the server can draw PDF previews. */
export const pdfPreviewAvailable = () => existsSync(PDFTOPPM);

/**
 * The first page of the exported PDF itself as a PNG, drawn by poppler's `pdftoppm` from the PDF
 * bytes (the Export dialog's preview: the page size, margins and tiling are the real ones; the
 * page's CSP forbids the browser's PDF plugin). `unavailable` without pdftoppm; bounded in time.
 */
export async function pdfFirstPage(pdf: Uint8Array): Promise<Uint8Array> {
  if (!pdfPreviewAvailable())
    throw new WaylineError(
      "unavailable",
      "PDF previews need poppler's pdftoppm on the server (poppler-utils)",
    );
  const dir = mkdtempSync(join(tmpdir(), "wayline-pdf-preview-"));
  try {
    const file = join(dir, "map.pdf");
    writeFileSync(file, pdf);
    await new Promise<void>((resolve, reject) =>
      execFile(
        PDFTOPPM,
        [
          "-png",
          "-f",
          "1",
          "-l",
          "1",
          "-singlefile",
          "-scale-to",
          String(PDF_PREVIEW.maxSide),
          file,
          join(dir, "page"),
        ],
        { timeout: PDF_PREVIEW.timeoutMs },
        (err) => (err ? reject(new WaylineError("internal", `pdftoppm failed: ${err.message}`)) : resolve()),
      ),
    );
    return new Uint8Array(readFileSync(join(dir, "page.png")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
