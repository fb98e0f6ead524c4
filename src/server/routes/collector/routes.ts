import { Hono } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import { COLLECTOR_LIMITS, collectorRateFromEnv } from "../../../services/logs/collector/limits.ts";
import type { CallType } from "../../../services/logs/collector/segment-message.ts";
import { writeKeyOf } from "../../../services/logs/collector/write-key.ts";
import type { Services } from "../../../services/services.ts";
import { Buckets, rateLimited } from "../../rate-limit.ts";
import { readJson } from "../../validate.ts";

/**
 * `/v1/*`: the live-events collector, compatible with Segment's HTTP tracking API. The write key
 * is the Basic-auth user name (no session, no workspace header); answers `{"success": true}`.
 * Guide: docs/guide/live-events.md.
 */
export function collectorRoutes(services: Services, perMinute = collectorRateFromEnv()): Hono {
  const r = new Hono();
  const buckets = new Buckets(perMinute);
  const collector = services.collector;

  const keyOf = async (c: {
    req: { header(n: string): string | undefined };
    header(n: string, v: string): void;
  }) => {
    const key = await collector.authenticate(writeKeyOf(c.req.header("authorization")));
    if (perMinute > 0) {
      const wait = buckets.take(`collector:${key.logId}`);
      if (wait !== null)
        throw rateLimited(c, wait, `too many requests for this write key: at most ${perMinute} a minute`);
    }
    return key;
  };
  const full = (c: { header(n: string, v: string): void }, e: unknown) => {
    if (e instanceof WaylineError && e.code === "rate_limited")
      c.header("Retry-After", String(COLLECTOR_LIMITS.retryAfterSeconds));
    return e;
  };

  for (const type of ["track", "page", "screen"] as const satisfies CallType[])
    r.post(`/${type}`, async (c) => {
      const key = await keyOf(c);
      const body = await readJson(c, COLLECTOR_LIMITS.eventBytes);
      try {
        await collector.collect(key, [body], type);
      } catch (e) {
        throw full(c, e);
      }
      return c.json({ success: true });
    });

  r.post("/batch", async (c) => {
    const key = await keyOf(c);
    const body = await readJson(c, COLLECTOR_LIMITS.batchBytes);
    const batch = (body as { batch?: unknown } | null)?.batch;
    if (!Array.isArray(batch))
      throw new WaylineError("invalid_request", "batch: expected an array of track, page or screen calls");
    if (batch.length > COLLECTOR_LIMITS.batchEvents)
      throw new WaylineError(
        "payload_too_large",
        `batch: ${batch.length} events, over the limit of ${COLLECTOR_LIMITS.batchEvents} per batch`,
      );
    try {
      await collector.collect(key, batch);
    } catch (e) {
      throw full(c, e);
    }
    return c.json({ success: true });
  });
  return r;
}
