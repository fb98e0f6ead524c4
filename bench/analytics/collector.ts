/**
 * Throughput of the live-events collector: POST /v1/batch over real HTTP (local server, SQLite
 * store, DuckDB log), CONCURRENCY clients each sending batches of BATCH track events, until
 * TOTAL events are accepted and visible in the log's stats. Baseline in the same run: the same
 * events given straight to the DuckDB engine's `append` (no HTTP, no validation).
 * Usage: npx tsx bench/analytics/collector.ts [TOTAL=50000] [BATCH=500] [CONCURRENCY=4]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { LogEvent } from "../../src/analytics/model.ts";
import { openEngine } from "../../src/analytics/registry.ts";
import { createAppWithServices } from "../../src/server/app.ts";
import { localAuthenticator } from "../../src/server/auth.ts";
import { createTestStore } from "../../src/testing/databases.ts";

const [total = 50_000, batchSize = 500, concurrency = 4] = process.argv.slice(2).map(Number);
process.env.WAYLINE_COLLECTOR_RATE_LIMIT = "0";
const dir = mkdtempSync(join(tmpdir(), "wayline-bench-collector-"));
const t = await createTestStore("sqlite");
const { app, services } = createAppWithServices({
  store: t.store,
  auth: localAuthenticator(),
  dataDir: dir,
  rateLimitPerMinute: 0,
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
});
const base = `http://localhost:${(server.address() as AddressInfo).port}`;
const seed = join(dir, "seed.csv");
writeFileSync(seed, "case,activity,timestamp\nc0,Start,2026-01-01T00:00:00Z\n");
const log = await services.logs.import("default", seed);
const { key } = await services.collector.createKey("default", log.id, "bench");
const auth = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

const message = (i: number) => ({
  type: "track",
  userId: `u${i % 5000}`,
  event: ["Visit", "Search", "Cart", "Checkout", "Paid"][i % 5],
  timestamp: new Date(Date.UTC(2026, 0, 2) + i * 1000).toISOString(),
  messageId: `m-${i}`,
  properties: { plan: i % 3 ? "pro" : "free", channel: "web" },
});

const latencies: number[] = [];
let next = 0;
let retried = 0;
async function client(): Promise<void> {
  while (next < total) {
    const from = next;
    next += batchSize;
    const batch = Array.from({ length: Math.min(batchSize, total - from) }, (_, k) => message(from + k));
    const body = JSON.stringify({ batch });
    for (;;) {
      const started = performance.now();
      const res = await fetch(`${base}/v1/batch`, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json" },
        body,
      });
      await res.text();
      latencies.push(performance.now() - started);
      if (res.status === 200) break;
      if (res.status !== 429) throw new Error(`status ${res.status}`);
      retried++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
const load0 = loadavg()[0];
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, client));
const accepted = performance.now() - started;
for (;;) {
  const s = await services.logs.query("default", log.id, (e) => e.stats());
  if (s.events === total + 1) break;
  await new Promise((r) => setTimeout(r, 20));
}
const visible = performance.now() - started;
latencies.sort((a, b) => a - b);
const p = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number;

// Baseline: the same events appended straight to a DuckDB engine.
const engine = await openEngine("duckdb");
await engine.load({ events: [{ caseId: "c0", activity: "Start", timestamp: 0, seq: 0, attrs: {} }] });
const events: LogEvent[] = Array.from({ length: total }, (_, i) => {
  const m = message(i);
  return {
    caseId: m.userId,
    activity: m.event as string,
    timestamp: Date.parse(m.timestamp),
    seq: 0,
    attrs: { ...m.properties, messageId: m.messageId, type: "track" },
  };
});
const b0 = performance.now();
for (let i = 0; i < total; i += 1000) await engine.append(events.slice(i, i + 1000));
await engine.stats();
const baseline = performance.now() - b0;
await engine.close();

const eps = (n: number, ms: number) => Math.round((n / ms) * 1000);
console.log(
  JSON.stringify({
    machine: `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GB`,
    loadAverage1m: { start: load0, end: loadavg()[0] },
    total,
    batchSize,
    concurrency,
    acceptedEventsPerSecond: eps(total, accepted),
    visibleEventsPerSecond: eps(total, visible),
    requestLatencyMs: { p50: Math.round(p(0.5)), p95: Math.round(p(0.95)), max: Math.round(p(1)) },
    retried429: retried,
    baselineDirectAppendEventsPerSecond: eps(total, baseline),
    ratioVisibleToBaseline: Number((visible / baseline).toFixed(2)),
  }),
);
await new Promise((r) => server.close(r));
await services.close();
await t.dispose();
rmSync(dir, { recursive: true, force: true });
