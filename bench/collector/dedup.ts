/**
 * What de-duplication by `messageId` costs per collector batch: `MessageLedger.claim` of a batch's
 * ids (one upsert per 2,500 ids, plus the prune when due) on SQLite and PostgreSQL, with the log
 * already holding `dedupIds` (100,000) ids, next to reading the same batch's messages (what every
 * call does anyway). Run:
 *   npx tsx bench/collector/dedup.ts [batch=500] [rounds=40]
 */

import { MessageLedger } from "../../src/services/logs/collector/dedup.ts";
import { COLLECTOR_LIMITS } from "../../src/services/logs/collector/limits.ts";
import { readMessage } from "../../src/services/logs/collector/segment-message.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../src/storage/workspaces.ts";
import { createTestStore, postgresAvailable } from "../../src/testing/databases.ts";

const BATCH = Number(process.argv[2] ?? 500);
const ROUNDS = Number(process.argv[3] ?? 40);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const max = (xs: number[]) => Math.max(...xs);
const messages = (round: number) =>
  Array.from({ length: BATCH }, (_, i) => ({
    type: "track",
    userId: `u${i % 50}`,
    event: "Checkout",
    timestamp: "2026-12-02T09:00:00Z",
    messageId: `r${round}-${i}`,
    properties: { plan: "pro" },
  }));

async function run(dialect: "sqlite" | "postgres"): Promise<void> {
  const t = await createTestStore(dialect);
  try {
    await t.store.eventLogs.insert(WS, {
      id: "log1",
      name: "bench",
      fileName: "bench.csv",
      engine: "duckdb",
      stats: {},
      report: {},
      createdAt: new Date().toISOString(),
    });
    const ledger = new MessageLedger(() => t.store.collectorMessages, Date.now);
    const fill = Array.from({ length: COLLECTOR_LIMITS.dedupIds }, (_, i) => `old-${i}`);
    for (let i = 0; i < fill.length; i += 10_000) await ledger.claim("log1", fill.slice(i, i + 10_000));
    const claim: number[] = [];
    const again: number[] = [];
    const read: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const batch = messages(r);
      let t0 = performance.now();
      const ids = batch.map((m, i) => {
        const got = readMessage(m, `batch[${i}]`, { receivedAt: "2026-12-02T09:00:00Z" });
        return "event" in got ? got.messageId : undefined;
      });
      read.push(performance.now() - t0);
      t0 = performance.now();
      const fresh = await ledger.claim("log1", ids as string[]);
      claim.push(performance.now() - t0);
      if (fresh.size !== BATCH) throw new Error(`expected ${BATCH} new ids, got ${fresh.size}`);
      t0 = performance.now();
      const dup = await ledger.claim("log1", ids as string[]);
      again.push(performance.now() - t0);
      if (dup.size !== 0) throw new Error("a retried batch was not a duplicate");
    }
    const rows = await t.store.collectorMessages.count("log1");
    console.log(
      `| ${dialect} | ${BATCH} | ${median(read).toFixed(2)} | ${median(claim).toFixed(2)} (max ${max(claim).toFixed(1)}) | ${median(again).toFixed(2)} | ${rows} |`,
    );
  } finally {
    await t.dispose();
  }
}

console.log(
  "| store | ids per batch | read the messages (ms, median) | claim new ids (ms, median) | claim a retried batch (ms, median) | rows after |",
);
console.log("|---|---|---|---|---|---|");
await run("sqlite");
if (await postgresAvailable()) await run("postgres");
else console.log("(PostgreSQL not available: skipped)");
