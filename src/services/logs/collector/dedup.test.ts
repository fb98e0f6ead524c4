import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as WS } from "../../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { MessageLedger } from "./dedup.ts";

const pgUp = await postgresAvailable();
const limits = { dedupWindowMs: 60_000, dedupIds: 3, dedupPruneIds: 2, dedupPruneMs: 10_000 };
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `m${from + i}`);

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `message ledger on ${dialect}`, () => {
    let t: TestStore;
    let now = Date.UTC(2026, 11, 2, 9);
    let ledger: MessageLedger;
    beforeEach(async () => {
      t = await createTestStore(dialect);
      await t.store.eventLogs.insert(WS, {
        id: "log1",
        name: "l",
        fileName: "l.csv",
        engine: "duckdb",
        stats: {},
        report: {},
        createdAt: new Date(now).toISOString(),
      });
      ledger = new MessageLedger(
        () => t.store.collectorMessages,
        () => now,
        limits,
      );
    });
    afterEach(async () => t.dispose());

    it("keeps a log's ids within the window and the count limit, pruning as it goes", async () => {
      expect((await ledger.claim("log1", ids(1))).size).toBe(1);
      now += 1;
      // The second new id reaches dedupPruneIds: the prune keeps the newest 3 (all 2 here).
      expect((await ledger.claim("log1", ids(1, 1))).size).toBe(1);
      now += 1;
      expect((await ledger.claim("log1", ids(4, 2))).size).toBe(4);
      // 6 ids; the prune this claim ran keeps the newest 3 and their ties (m2…m5, taken together).
      expect(await t.store.collectorMessages.count("log1")).toBe(4);
      expect([...(await ledger.claim("log1", ["m0", "m5"]))]).toEqual(["m0"]);
      // After the window, every id is free again (the claim renews them).
      now += limits.dedupWindowMs + 1;
      expect((await ledger.claim("log1", ["m5"])).size).toBe(1);
    });

    it("prunes a log that receives few ids once dedupPruneMs passed", async () => {
      await ledger.claim("log1", ["old"]);
      now += limits.dedupWindowMs + 1;
      // One new id (under dedupPruneIds) but the prune is due by time: the expired "old" goes.
      await ledger.claim("log1", ["new"]);
      expect(await t.store.collectorMessages.count("log1")).toBe(1);
    });
  });
