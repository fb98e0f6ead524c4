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
 * The bucket of an identity: its token's id and creation time (ids of deleted tokens may be
 * reused), its account's id, else its name (local mode). Two tokens (or a token and an account)
 * that share a name never share a bucket, nor does a token made after a revoke.
 */
export function bucketKey(who: Identity): string {
  if (who.tokenId !== undefined) return `token:${who.tokenId}@${who.createdAt ?? ""}`;
  if (who.userId !== undefined) return `user:${who.userId}`;
  return `name:${who.name}`;
}

/** Token buckets by key: `perMinute` a minute on average, bursts up to `perMinute`. */
export class Buckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rate: number;
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = perMinute / 60_000;
  }

  /** Seconds to wait when the bucket is empty, else null (nothing taken). */
  emptyFor(key: string): number | null {
    const b = this.refill(key);
    return b.tokens < 1 ? Math.ceil((1 - b.tokens) / this.rate / 1000) : null;
  }

  /** Takes one token; returns the wait in seconds when there was none. */
  take(key: string): number | null {
    const wait = this.emptyFor(key);
    if (wait === null) (this.buckets.get(key) as Bucket).tokens -= 1;
    return wait;
  }

  private refill(key: string): Bucket {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * this.rate);
    b.at = t;
    this.buckets.set(key, b);
    // Forget full buckets now and then, so a scan of many addresses cannot grow the map forever.
    if (this.buckets.size > 10_000)
      for (const [k, v] of this.buckets) if (v.tokens >= this.perMinute) this.buckets.delete(k);
    return b;
  }
}

/** The 429 answer. */
export function rateLimited(
  c: { header(n: string, v: string): void },
  wait: number,
  what: string,
): WaylineError {
  c.header("Retry-After", String(wait));
  return new WaylineError("rate_limited", `${what}; retry in ${wait} s`, { retryAfterSeconds: wait });
}

/**
 * Token-bucket rate limit per identity (`bucketKey`): `perMinute` requests a minute on average,
 * bursts up to `perMinute`. Over the limit the API answers 429 `rate_limited` with `Retry-After`.
 */
export function rateLimit(
  perMinute: number,
  now: () => number = Date.now,
): MiddlewareHandler<{ Variables: { identity: Identity } }> {
  const buckets = new Buckets(perMinute, now);
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const wait = buckets.take(bucketKey(c.var.identity));
    if (wait !== null) throw rateLimited(c, wait, `too many requests: at most ${perMinute} a minute`);
    await next();
  };
}

/** Failed authentications allowed per remote address a minute (`WAYLINE_AUTH_FAILURES`, default 20). */
export function authFailuresFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WAYLINE_AUTH_FAILURES ?? "20");
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 20;
}
