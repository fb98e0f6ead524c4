import { Hono } from "hono";
import { ImportQuery } from "../../../contract/journeys.ts";
import { MAX_NATIVE_DOCUMENT_BYTES, WaylineError } from "../../../domain/index.ts";
import {
  importJourney,
  parseLaneTypes,
  previewOf,
  resolveImportFormat,
} from "../../../services/export/transfer.ts";
import type { AppEnv } from "../../context.ts";
import { query, readJson } from "../../validate.ts";
import { present } from "./routes.ts";

async function readBytes(c: {
  req: { header(n: string): string | undefined; arrayBuffer(): Promise<ArrayBuffer> };
}) {
  const declared = Number(c.req.header("content-length") ?? "0");
  const tooLarge = () =>
    new WaylineError(
      "payload_too_large",
      `the body is larger than the limit of ${MAX_NATIVE_DOCUMENT_BYTES} bytes`,
      {
        limit: MAX_NATIVE_DOCUMENT_BYTES,
      },
    );
  if (declared > MAX_NATIVE_DOCUMENT_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > MAX_NATIVE_DOCUMENT_BYTES) throw tooLarge();
  return bytes;
}

/**
 * `POST /api/journeys/import[?format=&name=&dryRun=1&laneTypes=2:emotion]`: the body is the file
 * (a native document as JSON, Mermaid text, CSV or an XLSX workbook). `dryRun=1` answers what
 * would be created (stages, lanes with their guessed types, warnings) and creates nothing.
 */
export function importRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post("/import", async (c) => {
    const q = query(c, ImportQuery);
    const mime = c.req.header("content-type") ?? "";
    const format = resolveImportFormat(q.format, q.name, mime);
    const bytes =
      format === "json"
        ? new TextEncoder().encode(JSON.stringify(await readJson(c, MAX_NATIVE_DOCUMENT_BYTES)))
        : await readBytes(c);
    const laneTypes = parseLaneTypes(q.laneTypes);
    const { created, outcome } = await importJourney(c.var.services.journeys, c.var.workspaceId, {
      bytes,
      format,
      ...(q.name ? { fileName: q.name } : {}),
      ...(laneTypes ? { laneTypes } : {}),
      dryRun: q.dryRun === "1" || q.dryRun === "true",
    });
    if (!created) return c.json(previewOf(outcome, format));
    return c.json(
      { ...present(created), ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}) },
      201,
    );
  });
  return r;
}
