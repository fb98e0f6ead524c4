import type { MiddlewareHandler } from "hono";
import { invalid } from "../domain/index.ts";
import { NUL_MESSAGE } from "../domain/model/text.ts";

/**
 * Paths must decode (`%E0%A4%A` does not) and neither path nor query may carry NUL: answered with
 * the JSON 400 here rather than failing later in a route or in PostgreSQL ("invalid byte sequence").
 */
export function requireWellFormedUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw invalid("invalid_request", "malformed path", [
        { path: "(path)", message: "not valid percent-encoding (use %XX escapes of UTF-8)" },
      ]);
    }
    if (path.includes("\0"))
      throw invalid("invalid_request", "invalid path", [{ path: "(path)", message: NUL_MESSAGE }]);
    for (const [key, value] of url.searchParams)
      if (key.includes("\0") || value.includes("\0"))
        throw invalid("invalid_request", "invalid query", [{ path: `query.${key}`, message: NUL_MESSAGE }]);
    await next();
  };
}
