import { type Context, Hono } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import { COLLECTOR_LIMITS, collectorRateFromEnv } from "../../../services/logs/collector/limits.ts";
import type { CallType } from "../../../services/logs/collector/segment-message.ts";
import { writeKeyOf } from "../../../services/logs/collector/write-key.ts";
import type { Services } from "../../../services/services.ts";
import type { CollectorKeyInfo } from "../../../storage/collector-keys.ts";
import { Buckets, rateLimited } from "../../rate-limit.ts";
import { readJson } from "../../validate.ts";
import { JSON_TYPE } from "../../write-guard.ts";
import { type CollectorOrigins, collectorCors, collectorOriginsFromEnv } from "./cors.ts";

/**
 * Bodies the collector reads as JSON: JSON types, and `text/plain`, which analytics.js sends so
 * that its cross-origin POST needs no preflight.
 */
const COLLECTOR_TYPES = {
  types: new RegExp(`${JSON_TYPE.source}|^text/plain\\s*(;|$)`, "i"),
  named: "application/json or text/plain",
};

/** Path aliases of analytics.js (`/v1/t` …) and Segment's calls that are accepted, not logged. */
const SINGLE: Record<string, CallType | "ignored"> = {
  track: "track",
  t: "track",
  page: "page",
  p: "page",
  screen: "screen",
  s: "screen",
  identify: "ignored",
  i: "ignored",
  group: "ignored",
  g: "ignored",
  alias: "ignored",
  a: "ignored",
};

/** The body as an object (the `writeKey` field taken out), or an error locating the problem. */
function objectBody(body: unknown): { fields: Record<string, unknown>; writeKey: unknown } {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new WaylineError("invalid_request", "body: expected a JSON object");
  const { writeKey, ...fields } = body as Record<string, unknown>;
  return { fields, writeKey };
}

/**
 * `/v1/*`: the live-events collector, compatible with Segment's HTTP tracking API. The write key
 * is the Basic-auth user name, or the body's `writeKey` (as analytics.js sends it; no session, no
 * workspace header); answers `{"success": true}`. CORS: cors.ts. Guide: docs/guide/live-events.md.
 */
export function collectorRoutes(
  services: Services,
  perMinute = collectorRateFromEnv(),
  origins: CollectorOrigins = collectorOriginsFromEnv(),
): Hono {
  const r = new Hono();
  const buckets = new Buckets(perMinute);
  const collector = services.collector;
  r.use("*", collectorCors(origins));

  const keyOf = async (c: Context, inBody: unknown): Promise<CollectorKeyInfo> => {
    const header = writeKeyOf(c.req.header("authorization"));
    const given = header ?? (typeof inBody === "string" && inBody !== "" ? inBody : null);
    const key = await collector.authenticate(given);
    if (perMinute > 0) {
      const wait = buckets.take(`collector:${key.logId}`);
      if (wait !== null)
        throw rateLimited(c, wait, `too many requests for this write key: at most ${perMinute} a minute`);
    }
    return key;
  };
  const collect = async (c: Context, key: CollectorKeyInfo, messages: unknown[], type?: CallType) => {
    try {
      await collector.collect(key, messages, type);
    } catch (e) {
      if (e instanceof WaylineError && e.code === "rate_limited")
        c.header("Retry-After", String(COLLECTOR_LIMITS.retryAfterSeconds));
      throw e;
    }
    return c.json({ success: true });
  };

  for (const [path, type] of Object.entries(SINGLE))
    r.post(`/${path}`, async (c) => {
      const { fields, writeKey } = objectBody(
        await readJson(c, COLLECTOR_LIMITS.eventBytes, COLLECTOR_TYPES),
      );
      const key = await keyOf(c, writeKey);
      if (type === "ignored") return c.json({ success: true });
      return collect(c, key, [fields], type);
    });

  for (const path of ["batch", "b"])
    r.post(`/${path}`, async (c) => {
      const { fields, writeKey } = objectBody(
        await readJson(c, COLLECTOR_LIMITS.batchBytes, COLLECTOR_TYPES),
      );
      const key = await keyOf(c, writeKey);
      const batch = fields.batch;
      if (!Array.isArray(batch))
        throw new WaylineError("invalid_request", "batch: expected an array of track, page or screen calls");
      if (batch.length > COLLECTOR_LIMITS.batchEvents)
        throw new WaylineError(
          "payload_too_large",
          `batch: ${batch.length} events, over the limit of ${COLLECTOR_LIMITS.batchEvents} per batch`,
        );
      // analytics.js puts the key on the batch and on every event: it is no event field.
      const events = batch.map((m) =>
        m && typeof m === "object" && !Array.isArray(m) ? objectBody(m).fields : m,
      );
      return collect(c, key, events);
    });
  return r;
}
