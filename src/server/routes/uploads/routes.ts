import { Hono, type MiddlewareHandler } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import type { AppEnv } from "../../context.ts";
import { readLimitedBytes } from "../../validate.ts";
import { requireUploadHeader, UPLOAD_HEADER } from "../../write-guard.ts";

/** The CSP of a served upload: nothing runs, even when opened as a page. */
export const UPLOAD_CSP = "default-src 'none'; sandbox";

/**
 * Middleware mounted before the app's secure headers (which set the page CSP after the handler):
 * served uploads end up with `UPLOAD_CSP` instead.
 */
export function sandboxUploads(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === "GET") c.res.headers.set("content-security-policy", UPLOAD_CSP);
  };
}

/**
 * `/api/uploads`: `POST` an image as the raw body (with `X-Wayline-Upload: 1`; PNG, JPEG, GIF or
 * WebP by content, at most WAYLINE_UPLOAD_MAX_BYTES) → 201 `{id, url, …}`; `GET /:id` serves it
 * with its sniffed type, `nosniff`, a sandboxing CSP and same-origin resource policy.
 */
export function uploadRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post("/", async (c) => {
    requireUploadHeader(c.req.header(UPLOAD_HEADER));
    const uploads = c.var.services.uploads;
    const max = uploads.limits.maxBytes;
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > max)
      throw new WaylineError(
        "payload_too_large",
        `the image is ${declared} bytes; at most ${max} bytes (WAYLINE_UPLOAD_MAX_BYTES)`,
      );
    // Counted while streaming: a chunked body stops at the limit.
    const bytes = await readLimitedBytes(c.req.raw.body, max);
    return c.json(await uploads.create(c.var.workspaceId, bytes), 201);
  });
  r.get("/:id", async (c) => {
    const u = await c.var.services.uploads.get(c.var.workspaceId, c.req.param("id"));
    return c.body(new Uint8Array(u.data), 200, {
      "content-type": u.mime,
      "content-length": String(u.size),
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "same-origin",
      "content-disposition": `inline; filename="${u.id}"`,
      "cache-control": "private, max-age=86400",
      etag: `"${u.sha256}"`,
    });
  });
  return r;
}
