import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { createApp, createAppWithServices } from "../app.ts";
import { localAuthenticator, tokenAuthenticator } from "../auth.ts";
import { testClient } from "../test-client.ts";
import { createLogger } from "./logger.ts";

const pgUp = await postgresAvailable();
const REDIS = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const CLICKHOUSE = process.env.WAYLINE_TEST_CLICKHOUSE_URL || "http://127.0.0.1:18123";

/** A TCP server that accepts and never answers: a dependency that hangs. */
let silent: Server;
let silentPort = 0;
const accepted = new Set<import("node:net").Socket>();
beforeAll(async () => {
  silent = createServer((s) => void accepted.add(s));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of accepted) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `/api/ready on ${dialect}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await createTestStore(dialect);
    });
    afterAll(() => t.dispose());

    it("answers 200 with the database check when only the database is configured", async () => {
      const api = testClient(createApp({ store: t.store, auth: localAuthenticator() }));
      const r = await api.get("/api/ready");
      expect(r.status).toBe(200);
      expect(r.json.status).toBe("ready");
      expect(Object.keys(r.json.checks)).toEqual(["database"]);
      expect(r.json.checks.database.status).toBe("up");
    });

    it("answers 503 naming what is down, bounded by the timeout when a dependency hangs", async () => {
      process.env.WAYLINE_READY_TIMEOUT_MS = "150";
      try {
        const api = testClient(
          createApp({
            store: t.store,
            auth: localAuthenticator(),
            redisUrl: `redis://:secretpw@127.0.0.1:${silentPort}`,
            clickhouseUrl: "http://127.0.0.1:1",
          }),
        );
        const r = await api.get("/api/ready");
        expect(r.status).toBe(503);
        expect(r.json.error.message).toBe("not ready: redis, clickhouse down");
        expect(r.json.checks.database.status).toBe("up");
        expect(r.json.checks.redis).toMatchObject({ status: "down", error: "no answer within 150 ms" });
        expect(r.json.checks.clickhouse.status).toBe("down");
        expect(JSON.stringify(r.json)).not.toContain("secretpw");
      } finally {
        delete process.env.WAYLINE_READY_TIMEOUT_MS;
      }
    });
  });

describeWithService("Redis and ClickHouse", true, "/api/ready with real Redis and ClickHouse", () => {
  it("checks both when configured and answers 200 when they are up", async () => {
    const t = await createTestStore("sqlite");
    try {
      const api = testClient(
        createApp({ store: t.store, auth: localAuthenticator(), redisUrl: REDIS, clickhouseUrl: CLICKHOUSE }),
      );
      const r = await api.get("/api/ready");
      expect(r.json.checks.redis.status).toBe("up");
      expect(r.json.checks.clickhouse.status).toBe("up");
      expect(r.status).toBe(200);
    } finally {
      await t.dispose();
    }
  });
});

describe("/metrics", () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore("sqlite");
  });
  afterAll(() => t.dispose());

  it("local mode: this machine reads request counts by route template; another address is refused", async () => {
    const app = createApp({ store: t.store, auth: localAuthenticator() });
    const api = testClient(app);
    const created = await api.post("/api/journeys", { title: "M", kind: "current_state" });
    await api.get(`/api/journeys/${created.json.id}`);
    await api.get("/api/journeys/no-such-map");
    const r = await app.request(
      "/metrics",
      { headers: { host: "localhost:4400" } },
      {
        incoming: { socket: { remoteAddress: "127.0.0.1" } },
      },
    );
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toContain(
      'wayline_http_requests_total{method="GET",route="/api/journeys/:id",status="200"} 1',
    );
    expect(text).toContain(
      'wayline_http_requests_total{method="GET",route="/api/journeys/:id",status="404"} 1',
    );
    expect(text).toContain('wayline_http_requests_total{method="POST",route="/api/journeys",status="201"} 1');
    expect(text).toContain("wayline_http_request_duration_seconds_bucket");
    expect(text).toContain("wayline_collab_open_documents 0");
    expect(text).toContain("wayline_import_rows_total 0");
    expect(text).toContain("wayline_process_resident_memory_bytes");
    expect(text).not.toContain(created.json.id);
    const remote = await testClient(app, "10.0.0.7").get("/metrics");
    expect(remote.status).toBe(403);
  });

  it("counts import throughput (rows, seconds, outcomes) and open live documents", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "wayline-metrics-"));
    const built = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir });
    try {
      const upload = (body: string) =>
        built.app.request(
          "/api/logs?filename=shop.csv",
          {
            method: "POST",
            headers: { host: "localhost:4400", "content-type": "text/csv", "x-wayline-upload": "1" },
            body,
          },
          { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
        );
      const ok = await upload(
        "case,activity,timestamp\nc1,visit,2026-01-01T00:00:00Z\nc1,pay,2026-01-01T00:05:00Z\nc2,visit,2026-01-01T00:07:00Z\n",
      );
      expect(ok.status).toBe(201);
      expect((await upload("case,activity,timestamp\n")).status).toBe(400);
      built.metrics.countOpenDocumentsWith(() => 2);
      const text = await built.metrics.text();
      expect(text).toContain("wayline_import_rows_total 3");
      expect(text).toContain('wayline_imports_total{outcome="ok"} 1');
      expect(text).toContain('wayline_imports_total{outcome="failed"} 1');
      expect(text).toMatch(/wayline_import_seconds_total [0-9.e-]+/);
      expect(Number(/wayline_import_seconds_total ([0-9.e-]+)/.exec(text)?.[1])).toBeGreaterThan(0);
      expect(text).toContain("wayline_collab_open_documents 2");
    } finally {
      await built.services.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("token mode: WAYLINE_METRICS_TOKEN or an admin token; viewers and strangers are refused", async () => {
    const owner = await t.store.tokens.create("ops-owner", "owner", new Date().toISOString());
    const viewer = await t.store.tokens.create("ops-viewer", "viewer", new Date().toISOString());
    const app = createApp({
      store: t.store,
      auth: tokenAuthenticator(t.store.tokens),
      metricsToken: "scrape-me-1234",
    });
    const api = testClient(app, "10.0.0.7");
    expect((await api.get("/metrics")).status).toBe(401);
    expect((await api.get("/metrics", { authorization: "Bearer scrape-me-12345" })).status).toBe(401);
    expect((await api.get("/metrics", { authorization: `Bearer ${viewer}` })).status).toBe(403);
    const byOwner = await app.request(
      "/metrics",
      { headers: { authorization: `Bearer ${owner}` } },
      {
        incoming: { socket: { remoteAddress: "10.0.0.7" } },
      },
    );
    expect(byOwner.status).toBe(200);
    const byToken = await app.request(
      "/metrics",
      { headers: { authorization: "Bearer scrape-me-1234" } },
      {
        incoming: { socket: { remoteAddress: "10.0.0.7" } },
      },
    );
    expect(byToken.status).toBe(200);
    expect(await byToken.text()).toContain('route="/metrics",status="401"');
  });
});

describe("structured logs", () => {
  it("one line per request with route, status and duration; no secret ever reaches the output", async () => {
    const t = await createTestStore("sqlite");
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (s: string) => void lines.push(s) } });
    try {
      const token = await t.store.tokens.create("logged", "owner", new Date().toISOString());
      const app = createApp({ store: t.store, auth: tokenAuthenticator(t.store.tokens), logger });
      const api = testClient(app, "10.0.0.7");
      const secretHeaders = {
        authorization: `Bearer ${token}`,
        cookie: "wl_session=wls_cookie-secret-value",
      };
      const created = await api.post(
        "/api/journeys",
        { title: "Logged", kind: "current_state" },
        secretHeaders,
      );
      expect(created.status).toBe(201);
      await api.get(`/api/journeys/${created.json.id}?password=hunter2-secret`, secretHeaders);
      await api.get("/api/journeys", { authorization: "Bearer wl_not-a-real-token-value" });
      const parsed = lines.map((l) => JSON.parse(l));
      const requests = parsed.filter((l) => l.msg === "request");
      expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
        ["POST", "/api/journeys", 201],
        ["GET", "/api/journeys/:id", 200],
        ["GET", "/api/journeys", 401],
      ]);
      for (const l of requests) expect(typeof l.durationMs).toBe("number");
      const all = lines.join("");
      for (const secret of [
        token,
        "cookie-secret-value",
        "hunter2-secret",
        "not-a-real-token-value",
        created.json.id,
      ])
        expect(all).not.toContain(secret);
    } finally {
      await t.dispose();
    }
  });

  it("masks secrets in unexpected errors (500) and keeps the stack in the log only", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (s: string) => void lines.push(s) } });
    const { onErrorWith } = await import("../errors.ts");
    const { Hono } = await import("hono");
    const app = new Hono();
    app.onError(onErrorWith(logger));
    app.get("/api/boom", () => {
      throw new Error("connect failed: postgres://app:db-password-42@db.internal/wayline token=abc123secret");
    });
    const r = await app.request("/api/boom");
    expect(r.status).toBe(500);
    expect(await r.text()).not.toContain("postgres://");
    const all = lines.join("");
    expect(all).toContain("postgres://app:***@db.internal/wayline");
    expect(all).not.toContain("db-password-42");
    expect(all).not.toContain("abc123secret");
    expect(JSON.parse(lines[0] as string).route).toBe("(unmatched /api)");
  });
});
