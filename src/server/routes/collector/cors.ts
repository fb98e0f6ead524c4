import type { Context, MiddlewareHandler } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import { isOwnOrigin } from "../../auth.ts";

/** Which web pages may send events from a browser: any origin, or the listed ones only. */
export type CollectorOrigins = "*" | ReadonlySet<string>;

/** How long a browser may cache a preflight answer (s). */
export const PREFLIGHT_MAX_AGE = 86_400;

const ORIGIN = /^https?:\/\/[^/\s?#]+$/i;

/**
 * `WAYLINE_COLLECTOR_ORIGINS`: `*` (the default: any page may send, as with Segment), `none`
 * (no cross-origin page), or a comma-separated list of origins (`https://shop.example,
 * http://localhost:3000`). A bad entry is a startup error naming it.
 */
export function collectorOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): CollectorOrigins {
  const v = env.WAYLINE_COLLECTOR_ORIGINS?.trim() ?? "";
  if (v === "" || v === "*") return "*";
  if (v.toLowerCase() === "none") return new Set();
  const list = v.split(",").map((s) => s.trim().replace(/\/$/, ""));
  for (const o of list)
    if (!ORIGIN.test(o))
      throw new WaylineError(
        "invalid_request",
        `WAYLINE_COLLECTOR_ORIGINS: "${o}" is not an origin (expected scheme://host[:port], e.g. https://shop.example; or * or none)`,
      );
  return new Set(list.map((o) => o.toLowerCase()));
}

/** Whether the request comes from a page of another origin than this server's. */
function crossOrigin(c: Context, origin: string): boolean {
  if (c.req.header("sec-fetch-site") === "same-origin") return false;
  const scheme = new URL(c.req.url).protocol === "https:" ? "https:" : "http:";
  return !isOwnOrigin(origin, c.req.header("host") ?? "", scheme);
}

/**
 * CORS for `/v1/*` only (the rest of the API never answers cross-origin). Browser SDKs post
 * cross-origin with the write key, which is public in the page anyway: CORS cannot keep the key
 * secret, and a `text/plain` POST reaches the server without a preflight whatever it answers.
 * What an origin list does give: a page of an unlisted origin is refused (403, nothing
 * appended) — browsers always send `Origin` and pages cannot forge it — so another site cannot
 * make its visitors' browsers write to your log. Scripts outside browsers are not restrained by
 * it (they can send any `Origin`); the write key's rotation is the remedy there.
 * No credentials are allowed: the collector reads no cookies.
 */
export function collectorCors(origins: CollectorOrigins): MiddlewareHandler {
  const allowed = (origin: string) => origins === "*" || origins.has(origin.toLowerCase());
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (!origin || !crossOrigin(c, origin)) return next();
    if (!allowed(origin))
      throw new WaylineError(
        "forbidden",
        `pages of ${origin} may not send events here (allowed origins: WAYLINE_COLLECTOR_ORIGINS)`,
      );
    const allow = origins === "*" ? "*" : origin;
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Origin", allow);
      c.header("Access-Control-Allow-Methods", "POST, OPTIONS");
      c.header("Access-Control-Allow-Headers", "authorization, content-type");
      c.header("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE));
      if (allow !== "*") c.header("Vary", "Origin");
      return c.body(null, 204);
    }
    await next();
    // On errors too: an SDK must read a 400 or a 429 (and its Retry-After) to act on it.
    c.res.headers.set("Access-Control-Allow-Origin", allow);
    c.res.headers.set("Access-Control-Expose-Headers", "Retry-After");
    if (allow !== "*") c.res.headers.append("Vary", "Origin");
  };
}
