import type { Context } from "hono";
import type { z } from "zod";
import { invalid, problemsFromIssues, WaylineError } from "../domain/index.ts";
import { JSON_TYPE } from "./write-guard.ts";

/** Default body limit of JSON endpoints (bytes). */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

/** Content types a JSON body may come with, and how an error names them. */
export interface JsonTypes {
  types: RegExp;
  named: string;
}

/**
 * Reads the JSON body: 415 when it is not JSON (or not one of `accept`), 413 when too large,
 * 400 on bad syntax.
 */
export async function readJson(
  c: Context,
  limit = DEFAULT_BODY_LIMIT,
  accept: JsonTypes = { types: JSON_TYPE, named: "application/json" },
): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!accept.types.test(type))
    throw new WaylineError(
      "unsupported_media_type",
      `expected Content-Type ${accept.named}, got "${type || "none"}"`,
    );
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const text = await readLimited(c.req.raw.body, limit);
  try {
    // `__proto__` keys are refused anywhere: spreading or assigning them would touch prototypes.
    return JSON.parse(text, (key, value) => {
      if (key === "__proto__") throw new SyntaxError('the key "__proto__" is not allowed');
      return value;
    });
  } catch (e) {
    throw invalid("invalid_request", "the body is not valid JSON", [
      { path: "(body)", message: (e as Error).message },
    ]);
  }
}

/**
 * Reads a body, counting bytes as they arrive: a chunked body with no Content-Length is refused
 * (and the stream cancelled) once it passes the limit, never buffered whole first.
 */
export async function readLimitedBytes(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** `readLimitedBytes` decoded as UTF-8. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  return Buffer.from(await readLimitedBytes(body, limit)).toString("utf8");
}

function tooLarge(limit: number): WaylineError {
  return new WaylineError("payload_too_large", `the body is larger than the limit of ${limit} bytes`, {
    limit,
  });
}

/** Validates a value with a zod schema; 400 `invalid_request` with the path of every problem. */
export function check<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query"): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw invalid("invalid_request", `invalid ${where}`, problemsFromIssues(r.error.issues, where));
  return r.data;
}

/** Reads and validates the JSON body. */
export async function body<S extends z.ZodType>(c: Context, schema: S, limit?: number): Promise<z.infer<S>> {
  return check(schema, await readJson(c, limit), "body");
}

/** Validates the query string; every parameter must be given once (`?limit=1&limit=2` is a 400). */
export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const repeated = Object.entries(all).filter(([, v]) => v.length > 1);
  if (repeated.length > 0)
    throw invalid(
      "invalid_request",
      "invalid query",
      repeated.map(([k, v]) => ({ path: `query.${k}`, message: `given ${v.length} times; give it once` })),
    );
  return check(schema, c.req.query(), "query");
}
