import { createWriteStream, rmSync } from "node:fs";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Context } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import type { AppEnv } from "../../context.ts";
import { requireUploadHeader, UPLOAD_HEADER } from "../../write-guard.ts";

/** Largest event-log upload (bytes); `WAYLINE_MAX_UPLOAD_MB` overrides (default 2048). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.WAYLINE_MAX_UPLOAD_MB ?? "2048");
  return (Number.isFinite(mb) && mb > 0 ? mb : 2048) * 1024 * 1024;
}

/**
 * Streams the request body into a temporary file named `fileName` (its extension selects the
 * format); answers 413 once the body passes the limit. The caller removes the folder.
 */
export async function receiveUpload(
  c: Context<AppEnv>,
  fileName: string,
  limit = maxUploadBytes(),
): Promise<{ file: string; dir: string }> {
  requireUploadHeader(c.req.header(UPLOAD_HEADER));
  if (Number(c.req.header("content-length") ?? "0") > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  if (!body)
    throw new WaylineError("invalid_request", "the request has no body: send the log file as the body");
  const dir = c.var.services.logs.newTempDir();
  const file = join(dir, fileName);
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > limit ? tooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as never), counter, createWriteStream(file));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e instanceof WaylineError
      ? e
      : new WaylineError("invalid_request", `upload failed: ${(e as Error).message}`);
  }
  return { file, dir };
}

function tooLarge(limit: number): WaylineError {
  return new WaylineError(
    "payload_too_large",
    `the upload is larger than the limit of ${limit} bytes (WAYLINE_MAX_UPLOAD_MB)`,
    { limit },
  );
}
