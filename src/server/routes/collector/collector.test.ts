import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../../../analytics/registry.ts";
import { CollectorService } from "../../../services/logs/collector/collector-service.ts";
import { COLLECTOR_LIMITS } from "../../../services/logs/collector/limits.ts";
import type { Services } from "../../../services/services.ts";
import type { Store } from "../../../storage/store.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";

const CSV = "case,activity,timestamp\nc1,Visit,2026-01-01T10:00:00Z\nc1,Buy,2026-01-01T10:05:00Z\n";

/** Real HTTP requests to a server on a free loopback port (local mode), for one store dialect. */
function collectorSuite(dialect: "sqlite" | "postgres", clickhouseUrl?: string): void {
  let t: TestStore;
  let dataDir: string;
  let services: Services;
  let server: ReturnType<typeof serve>;
  let base: string;
  /** Starts a server (with its own services) on `store` and makes it the one `api` calls. */
  const start = async (store: Store) => {
    const made = createAppWithServices({
      store,
      auth: localAuthenticator(),
      dataDir,
      rateLimitPerMinute: 0,
      clickhouseUrl,
    });
    services = made.services;
    server = await new Promise((resolve) => {
      const s = serve({ fetch: made.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
  };
  /** Stops the current server as a shutdown does (waiting events appended). */
  const stop = async () => {
    await new Promise((r) => server.close(r));
    await services.close();
  };
  beforeEach(async () => {
    t = await createTestStore(dialect);
    dataDir = mkdtempSync(join(tmpdir(), "wayline-collector-"));
    await start(t.store);
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    await services.collector.flush();
    // ClickHouse keeps a stored log's tables until the log is deleted.
    for (const l of await services.logs.list("default")) await services.logs.delete("default", l.id);
    await services.close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const newLog = async (name: string): Promise<string> => {
    const r = await api("POST", `/api/logs?filename=${name}.csv`, CSV, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(r.status).toBe(201);
    return r.json.id;
  };
  const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });
  const newKey = async (log: string): Promise<string> => {
    const r = await api("POST", `/api/logs/${log}/write-key`);
    expect(r.status).toBe(201);
    return r.json.key;
  };
  const track = (i: number, extra: Record<string, unknown> = {}) => ({
    type: "track",
    userId: `u${i % 3}`,
    event: i % 2 ? "Checkout" : "Viewed Cart",
    timestamp: new Date(Date.UTC(2026, 0, 2, 0, 0, i)).toISOString(),
    messageId: `m-${i}`,
    properties: { plan: "pro" },
    ...extra,
  });
  const events = async (log: string) => (await api("GET", `/api/logs/${log}/stats`)).json.events as number;
  /** Polls the stats until `n` events show, for at most the documented bound (flushMs + 2 s). */
  const seen = async (log: string, n: number) => {
    const until = Date.now() + COLLECTOR_LIMITS.flushMs + 2_000;
    let got = await events(log);
    while (got !== n && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      got = await events(log);
    }
    return got;
  };

  it("appends track and batch calls; stats and the log list see them within the bound", async () => {
    const log = await newLog("shop");
    const key = await newKey(log);
    expect(key).toMatch(/^wk_/);
    const map = (await api("POST", "/api/journeys", JSON.stringify({ title: "Shop", kind: "current_state" })))
      .json.id;
    const overlay = async () =>
      (await api("GET", `/api/journeys/${map}/data?logId=${log}`)).json.cases as number;
    expect(await overlay()).toBe(1);
    const one = await api("POST", "/v1/track", JSON.stringify(track(0)), basic(key));
    expect(one).toMatchObject({ status: 200, json: { success: true } });
    const batch = { batch: [1, 2, 3, 4].map((i) => track(i)) };
    expect((await api("POST", "/v1/batch", JSON.stringify(batch), basic(key))).json).toEqual({
      success: true,
    });
    const page = { userId: "u9", name: "Pricing", timestamp: "2026-01-03T00:00:00Z" };
    expect((await api("POST", "/v1/page", JSON.stringify(page), basic(key))).status).toBe(200);
    expect(await seen(log, 2 + 6)).toBe(8);
    const variants = (await api("GET", `/api/logs/${log}/variants?top=10`)).json.variants;
    expect(variants.flatMap((v: { activities: string[] }) => v.activities)).toContain("Viewed Pricing Page");
    const listed = (await api("GET", "/api/logs")).json.find((l: { id: string }) => l.id === log);
    expect(listed.stats.events).toBe(8);
    // The map's data overlay reads the same log: the live cases u0, u1, u2 and u9 are there.
    expect(await overlay()).toBe(5);
  });

  it("drops a repeated messageId, within a call and across calls", async () => {
    const log = await newLog("dups");
    const key = await newKey(log);
    const batch = { batch: [track(1), track(2), track(1)] };
    expect((await api("POST", "/v1/batch", JSON.stringify(batch), basic(key))).status).toBe(200);
    expect((await api("POST", "/v1/track", JSON.stringify(track(2)), basic(key))).status).toBe(200);
    await services.collector.flush();
    expect(await events(log)).toBe(2 + 2);
  });

  it("a retry after a restart is still a duplicate (message ids are in the database)", async () => {
    const log = await newLog("restart");
    const key = await newKey(log);
    const batch = JSON.stringify({ batch: [track(1), track(2)] });
    expect((await api("POST", "/v1/batch", batch, basic(key))).status).toBe(200);
    await stop();
    await start(await t.reopen());
    expect((await api("POST", "/v1/batch", batch, basic(key))).status).toBe(200);
    expect((await api("POST", "/v1/track", JSON.stringify(track(3)), basic(key))).status).toBe(200);
    await services.collector.flush();
    expect(await events(log)).toBe(2 + 3);
  });

  it("two collector instances on one database take a message id once between them", async () => {
    const log = await newLog("two");
    const key = await services.collector.authenticate(await newKey(log));
    // A second service instance with its own store connection, appending to the same log.
    const second = new CollectorService(await t.reopen(), services.logs);
    const batch = Array.from({ length: 300 }, (_, i) => track(i));
    const [a, b] = await Promise.all([services.collector.collect(key, batch), second.collect(key, batch)]);
    expect(a.accepted + b.accepted).toBe(300);
    expect(a.duplicates + b.duplicates).toBe(300);
    await Promise.all([services.collector.flush(), second.flush()]);
    expect(await events(log)).toBe(2 + 300);
  });

  it("gives the ids of a failed append back, so the retry is taken", async () => {
    const log = await newLog("failing");
    const key = await newKey(log);
    const body = JSON.stringify({ batch: [track(1), track(2)] });
    const append = services.logs.append.bind(services.logs);
    let fail = true;
    services.logs.append = async (...args: Parameters<typeof append>) => {
      if (fail) throw new Error("disk full");
      return append(...args);
    };
    expect((await api("POST", "/v1/batch", body, basic(key))).status).toBe(200);
    await services.collector.flush();
    expect(await events(log)).toBe(2);
    fail = false;
    expect((await api("POST", "/v1/batch", body, basic(key))).status).toBe(200);
    await services.collector.flush();
    expect(await events(log)).toBe(4);
  });

  it("refuses a batch with a bad event whole, locating it", async () => {
    const log = await newLog("bad");
    const key = await newKey(log);
    const batch = {
      batch: [
        track(1),
        track(2),
        track(3),
        track(4, { timestamp: "yesterday" }),
        { type: "track", event: "x" },
      ],
    };
    const r = await api("POST", "/v1/batch", JSON.stringify(batch), basic(key));
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/^batch\[3\]\.timestamp: "yesterday" is not a timestamp/);
    expect(r.json.error.details.problems.map((p: { path: string }) => p.path)).toEqual([
      "batch[3].timestamp",
      "batch[4].userId",
    ]);
    await services.collector.flush();
    expect(await events(log)).toBe(2);
    // Nothing was remembered either: the corrected batch is accepted.
    batch.batch.splice(3, 2);
    expect((await api("POST", "/v1/batch", JSON.stringify(batch), basic(key))).status).toBe(200);
    await services.collector.flush();
    expect(await events(log)).toBe(5);
  });

  it("answers 401 to a missing, unknown, rotated or revoked key", async () => {
    const log = await newLog("keys");
    const body = JSON.stringify(track(1));
    expect((await api("POST", "/v1/track", body)).status).toBe(401);
    expect((await api("POST", "/v1/track", body, basic("wk_nope"))).status).toBe(401);
    const old = await newKey(log);
    const key = await newKey(log);
    expect((await api("POST", "/v1/track", body, basic(old))).status).toBe(401);
    expect((await api("POST", "/v1/track", body, basic(key))).status).toBe(200);
    const shown = (await api("GET", `/api/logs/${log}/write-key`)).json.key;
    expect(shown.prefix).toBe(key.slice(0, 11));
    expect(JSON.stringify(shown)).not.toContain(key);
    expect((await api("DELETE", `/api/logs/${log}/write-key`)).status).toBe(204);
    expect((await api("POST", "/v1/track", body, basic(key))).status).toBe(401);
    expect((await api("GET", `/api/logs/${log}/write-key`)).json.key).toBeNull();
  });

  it("a key writes to its own log only", async () => {
    const a = await newLog("a");
    const b = await newLog("b");
    const keyA = await newKey(a);
    await newKey(b);
    expect(
      (await api("POST", "/v1/batch", JSON.stringify({ batch: [track(1), track(2)] }), basic(keyA))).status,
    ).toBe(200);
    await services.collector.flush();
    expect([await events(a), await events(b)]).toEqual([4, 2]);
  });

  it("answers 413 over Segment's body limits", async () => {
    const log = await newLog("big");
    const key = await newKey(log);
    const big = track(1, { properties: { text: "x".repeat(COLLECTOR_LIMITS.eventBytes) } });
    expect((await api("POST", "/v1/track", JSON.stringify(big), basic(key))).status).toBe(413);
    const many = {
      batch: Array.from({ length: 20 }, (_, i) => track(i, { properties: { t: "y".repeat(30_000) } })),
    };
    expect((await api("POST", "/v1/batch", JSON.stringify(many), basic(key))).status).toBe(413);
  });

  it("answers 429 with Retry-After while the append buffer is full", async () => {
    const log = await newLog("full");
    const key = await newKey(log);
    // Hold the log's question queue so appends cannot run: the buffer fills up.
    let release = () => {};
    const held = services.logs
      .query(
        "default",
        log,
        () =>
          new Promise<void>((r) => {
            release = r;
          }),
      )
      .catch(() => {});
    void held;
    const per = 2_000;
    let status = 200;
    let sent = 0;
    let retryAfter: string | null = null;
    for (let b = 0; status === 200 && b < COLLECTOR_LIMITS.bufferedEvents / per + 2; b++) {
      const batch = {
        batch: Array.from({ length: per }, (_, i) => ({
          type: "track",
          userId: "u",
          event: "E",
          messageId: `f-${b}-${i}`,
        })),
      };
      const r = await api("POST", "/v1/batch", JSON.stringify(batch), basic(key));
      status = r.status;
      retryAfter = r.headers.get("retry-after");
      if (status === 200) sent += per;
    }
    expect(status).toBe(429);
    expect(retryAfter).toBe(String(COLLECTOR_LIMITS.retryAfterSeconds));
    expect(sent).toBe(COLLECTOR_LIMITS.bufferedEvents);
    release();
    await services.collector.flush();
    expect(await events(log)).toBe(2 + COLLECTOR_LIMITS.bufferedEvents);
  });
}

describe("live-events collector over HTTP (SQLite key storage)", () => collectorSuite("sqlite"));
const CLICKHOUSE = process.env.CLICKHOUSE_URL ?? "http://127.0.0.1:18123";
describeWithService(
  "ClickHouse",
  (await ENGINES.clickhouse.service?.probe(CLICKHOUSE)) ?? false,
  "live-events collector over HTTP (logs in ClickHouse)",
  () => collectorSuite("sqlite", CLICKHOUSE),
);
describeWithService(
  "PostgreSQL",
  await postgresAvailable(),
  "live-events collector over HTTP (PostgreSQL key storage)",
  () => collectorSuite("postgres"),
);
