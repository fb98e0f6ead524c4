import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { clickhouseUrl } from "../../analytics/clickhouse/client.ts";
import { ENGINE_NAMES, ENGINES } from "../../analytics/registry.ts";
import { describeEngine } from "../../analytics/testing/engines.ts";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../analytics/testing/shared-logs.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, type TestStore } from "../../testing/databases.ts";
import { LogLibrary } from "./log-library.ts";

// Workspace logs live in the engines that keep a stored log.
const persistent = ENGINE_NAMES.filter((n) => ENGINES[n].capabilities.persistent);

describeWithSharedLogs("workspace logs", () => {
  for (const engine of persistent) {
    describeEngine(engine, `workspace logs in ${engine}`, () => {
      let t: TestStore;
      let dir: string;
      const open = () =>
        new LogLibrary(t.store, {
          dir,
          clickhouseUrl: engine === "clickhouse" ? clickhouseUrl() : undefined,
        });
      beforeEach(async () => {
        t = await createTestStore("sqlite");
        dir = mkdtempSync(join(tmpdir(), "wayline-loglib-"));
      });
      afterEach(async () => {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      });

      it("imports a log that survives a restart, answers on it, and deletes it", async () => {
        const first = open();
        const info = await first.import(WS, join(EVENTLOGS_DIR, "running-example.xes"));
        expect(info).toMatchObject({
          engine,
          name: "running-example",
          stats: { events: 42, cases: 6, activities: 8, variants: 6 },
        });
        await first.close();
        const second = open();
        const v = await second.query(WS, info.id, (e) => e.variants({ top: 2 }));
        expect(v.variants).toHaveLength(2);
        expect(v.cases).toBe(6);
        await second.delete(WS, info.id);
        await expect(second.get(WS, info.id)).rejects.toThrow(/no event log/);
        await second.close();
        const third = open();
        expect(await third.list(WS)).toEqual([]);
        await third.close();
      });

      it("keeps nothing when the import fails", async () => {
        const lib = open();
        // A real file that is no event log (the shared data folder's README); engines word it apart.
        await expect(
          lib.import(WS, join(EVENTLOGS_DIR, "..", "README.md"), { options: { format: "csv" } }),
        ).rejects.toThrow(
          /cannot find the case and activity and timestamp column|README\.md: cannot read CSV/,
        );
        // A log whose every row is invalid fails after loading: the partial load is discarded.
        const input = mkdtempSync(join(tmpdir(), "wayline-loglib-in-"));
        const bad = join(input, "bad.csv");
        writeFileSync(bad, "case,activity,timestamp\nc1,Visit,not a time\nc2,Cart,yesterday\n");
        try {
          await expect(lib.import(WS, bad)).rejects.toMatchObject({
            code: "invalid_request",
            message: "bad.csv: no valid events were found",
          });
        } finally {
          rmSync(input, { recursive: true, force: true });
        }
        expect(await lib.list(WS)).toEqual([]);
        expect(readdirSync(dir)).toEqual([]);
        await lib.close();
      });
    });
  }
});
