import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute)).toISOString();
const sorted = (s: Set<string>) => [...s].sort();

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `collector message ids on ${dialect}`,
    () => {
      let t: TestStore;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        for (const id of ["log1", "log2"])
          await t.store.eventLogs.insert(WS, {
            id,
            name: id,
            fileName: `${id}.csv`,
            engine: "duckdb",
            stats: {},
            report: {},
            createdAt: at(0),
          });
      });
      afterEach(async () => t.dispose());

      it("claims each id once per log; ids older than the window are free again", async () => {
        const repo = t.store.collectorMessages;
        expect(sorted(await repo.claim("log1", ["a"], at(1), at(0)))).toEqual(["a"]);
        expect(sorted(await repo.claim("log1", ["a", "b", "c"], at(2), at(0)))).toEqual(["b", "c"]);
        // Another log has its own ids.
        expect(sorted(await repo.claim("log2", ["a"], at(2), at(0)))).toEqual(["a"]);
        // "a" was taken at minute 1: with the window starting at minute 2 it is free, and renewed.
        expect(sorted(await repo.claim("log1", ["a", "b"], at(3), at(2)))).toEqual(["a"]);
        expect(sorted(await repo.claim("log1", ["a"], at(4), at(2)))).toEqual([]);
        await repo.release("log1", ["a", "c"]);
        expect(sorted(await repo.claim("log1", ["a", "b", "c"], at(5), at(2)))).toEqual(["a", "c"]);
      });

      it("two stores on the same database share the ids: concurrent claims split them", async () => {
        const other = await t.reopen();
        const ids = Array.from({ length: 3_000 }, (_, i) => `m-${i}`);
        const [x, y] = await Promise.all([
          t.store.collectorMessages.claim("log1", ids, at(1), at(0)),
          other.collectorMessages.claim("log1", ids, at(1), at(0)),
        ]);
        expect(x.size + y.size).toBe(ids.length);
        expect([...x].filter((id) => y.has(id))).toEqual([]);
        // A restart (a new store) still knows them.
        const again = await t.reopen();
        expect((await again.collectorMessages.claim("log1", ids, at(2), at(0))).size).toBe(0);
      });

      it("prunes ids before the window and beyond the newest `keep`; the log's deletion removes them", async () => {
        const repo = t.store.collectorMessages;
        for (let m = 1; m <= 5; m++) await repo.claim("log1", [`a${m}`, `b${m}`], at(m), at(0));
        await repo.claim("log2", ["z"], at(1), at(0));
        // Window from minute 2: minute 1's two ids go.
        expect(await repo.prune("log1", at(2), 100)).toBe(2);
        // Keep the newest 3: minute 5's two, and minute 4's two (tied at the cut).
        expect(await repo.prune("log1", at(2), 3)).toBe(4);
        expect(await repo.count("log1")).toBe(4);
        expect(sorted(await repo.claim("log1", ["a3", "a4", "a5"], at(6), at(0)))).toEqual(["a3"]);
        expect(await repo.count("log2")).toBe(1);
        await t.store.eventLogs.delete(WS, "log2");
        expect(await repo.count("log2")).toBe(0);
      });
    },
  );
