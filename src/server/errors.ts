import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorBody } from "../contract/errors.ts";
import { type ErrorCode, WaylineError } from "../domain/index.ts";
import type { Logger } from "./ops/logger.ts";
import { routeTemplate } from "./ops/observe.ts";

/** HTTP status of each error code. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  invalid_command: 400,
  invalid_document: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  request_too_large: 431,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The error body every endpoint answers with. */
export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/**
 * Hono error handler: known errors keep their code; anything else is a 500 without a stack trace
 * in the answer (the stack goes to the server log, secrets masked, with the route template).
 */
export function onErrorWith(logger: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof WaylineError)
      return c.json(errorBody(err.code, err.message, err.details), STATUS[err.code]);
    logger.error(
      { err, method: c.req.method, route: routeTemplate(c.req.method, new URL(c.req.url).pathname) },
      "unexpected error",
    );
    return c.json(errorBody("internal", "internal error; see the server log"), 500);
  };
}

/** Hono not-found handler. */
export function onNotFound(c: Context): Response {
  return c.json(errorBody("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
}
