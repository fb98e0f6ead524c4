import type { MiddlewareHandler } from "hono";
import { WaylineError } from "../domain/index.ts";

/** Header that marks a raw file upload; being non-standard, it makes browsers send a CORS preflight. */
export const UPLOAD_HEADER = "x-wayline-upload";

/** Content types of JSON bodies (`application/json`, `application/…+json`). */
export const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;

const WRITES = new Set(["POST", "PUT", "PATCH"]);

/**
 * Every write must be a request a browser only sends cross-origin after a CORS preflight (which
 * Wayline never grants): a JSON body, or a file upload with `X-Wayline-Upload: 1`. A page on any
 * other origin — another site or another local port — cannot then write with `mode: "no-cors"`
 * (text/plain, form types, no body). DELETE is never a simple request, so it always preflights.
 * `Sec-Fetch-Site` other than same-origin/none (sent by every current browser) is refused as well.
 */
export function requirePreflightedWrites(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const site = c.req.header("sec-fetch-site");
    if (method !== "GET" && method !== "HEAD" && site && site !== "same-origin" && site !== "none")
      throw new WaylineError("forbidden", `cross-site writes are not allowed (Sec-Fetch-Site: ${site})`);
    if (!WRITES.has(method)) return next();
    const type = c.req.header("content-type") ?? "";
    if (JSON_TYPE.test(type) || c.req.header(UPLOAD_HEADER) === "1") return next();
    throw new WaylineError(
      "unsupported_media_type",
      `writes need Content-Type application/json (or ${UPLOAD_HEADER}: 1 for file uploads), got "${type || "none"}"`,
    );
  };
}

/** Uploads must say they are uploads (see `requirePreflightedWrites`). */
export function requireUploadHeader(header: string | undefined): void {
  if (header !== "1")
    throw new WaylineError(
      "unsupported_media_type",
      `file uploads need the header ${UPLOAD_HEADER}: 1 (the file itself is the body, any content type)`,
    );
}
