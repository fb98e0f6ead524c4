import type { MiddlewareHandler } from "hono";
import { WaylineError } from "../domain/index.ts";
import type { Identity } from "./auth.ts";

/** Requests each identity may make per minute (`WAYLINE_RATE_LIMIT`, default 1200; 0 turns it off). */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WAYLINE_RATE_LIMIT ?? "1200");
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 1200;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token-bucket rate limit per identity: `perMinute` requests a minute on average, bursts up to
 * `perMinute`. Over the limit the API answers 429 `rate_limited` with `Retry-After`.
 */
export function rateLimit(
  perMinute: number,
  now: () => number = Date.now,
): MiddlewareHandler<{ Variables: { identity: Identity } }> {
  const buckets = new Map<string, Bucket>();
  const rate = perMinute / 60_000;
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const key = c.var.identity.name;
    const t = now();
    const b = buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * rate);
    b.at = t;
    buckets.set(key, b);
    if (b.tokens < 1) {
      const wait = Math.ceil((1 - b.tokens) / rate / 1000);
      c.header("Retry-After", String(wait));
      throw new WaylineError(
        "rate_limited",
        `too many requests: at most ${perMinute} a minute; retry in ${wait} s`,
        { retryAfterSeconds: wait },
      );
    }
    b.tokens -= 1;
    await next();
  };
}
