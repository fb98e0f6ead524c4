import { afterEach, beforeEach, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommands, createMapDoc, createPersona, type MapId, WaylineError } from "../domain/index.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const now = "2026-05-01T10:00:00.000Z";
const eva = createPersona({ name: "Eva Moline", age: 29 }, { id: "eva" as never, now });
const mapDoc = (id: string) => createMapDoc("Pizza night", "current_state", { id: id as MapId, now });

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `store transactions and repositories on ${dialect}`,
    () => {
      let t: TestStore;
      beforeEach(async () => {
        t = await createTestStore(dialect);
      });
      afterEach(async () => {
        await t.dispose();
      });

      it("commits the work of several repositories together", async () => {
        const out = await t.store.transaction(async (repos) => {
          await repos.personas.put(WS, eva);
          const stored = await repos.journeys.insert(WS, mapDoc("m1"));
          await repos.surveys.insert(WS, {
            id: "s1",
            journeyId: "m1",
            name: "CSAT",
            responses: [
              { caseId: null, stage: "Aware", touchpoint: null, metric: "csat", score: 4, comment: "" },
            ],
            createdAt: now,
          });
          // Reads inside the transaction see its own writes.
          expect(await repos.personas.get(WS, "eva")).toEqual(eva);
          return stored.version;
        });
        expect(out).toBe(1);
        const again = await t.reopen();
        expect(await again.personas.list(WS)).toEqual([eva]);
        expect((await again.journeys.get(WS, "m1"))?.map.title).toBe("Pizza night");
        expect((await again.surveys.listForJourney(WS, "m1")).map((s) => s.name)).toEqual(["CSAT"]);
      });

      it("rolls every repository back when the work throws, and rethrows", async () => {
        await t.store.journeys.insert(WS, mapDoc("m0"));
        const boom = new Error("boom");
        await expect(
          t.store.transaction(async (repos) => {
            await repos.personas.put(WS, eva);
            await repos.journeys.insert(WS, mapDoc("m1"));
            const edited = await repos.journeys.update(WS, "m0", (doc) => ({
              change: applyCommands(doc, [{ type: "addStage", name: "Aware" }], { now }),
              result: null,
            }));
            expect(edited?.stored.version).toBe(2);
            await repos.workspaces.saveSettings(WS, { health: { stageMin: 9 } });
            throw boom;
          }),
        ).rejects.toBe(boom);
        const again = await t.reopen();
        expect(await again.personas.list(WS)).toEqual([]);
        expect(await again.journeys.get(WS, "m1")).toBeNull();
        const m0 = await again.journeys.get(WS, "m0");
        expect(m0?.version).toBe(1);
        expect(m0?.map.stages).toEqual([]);
        expect(await again.journeys.writesSince("m0", 0)).toEqual([]);
        expect(await again.workspaces.settings(WS)).toEqual({});
      });

      it("saves a version only over the version it read, else conflict", async () => {
        await t.store.journeys.insert(WS, mapDoc("m1"));
        const loaded = await t.store.journeys.get(WS, "m1");
        if (!loaded) throw new Error("not stored");
        const doc = new Y.Doc();
        Y.applyUpdate(doc, loaded.state);
        const r = applyCommands(doc, [{ type: "addStage", id: "s1" as never, name: "Aware" }], { now });
        const saved = await t.store.journeys.saveVersion(WS, "m1", doc, loaded.version, r);
        expect(saved.version).toBe(2);
        expect((await t.store.journeys.get(WS, "m1"))?.map.stages.map((s) => s.name)).toEqual(["Aware"]);
        const stale = await t.store.journeys.saveVersion(WS, "m1", doc, loaded.version, r).catch((e) => e);
        expect(stale).toBeInstanceOf(WaylineError);
        expect(stale).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
        const gone = await t.store.journeys.saveVersion(WS, "nope", doc, 1, r).catch((e) => e);
        expect(gone).toMatchObject({ code: "not_found" });
        expect(await t.store.journeys.writesSince("m1", 0)).toEqual(["stage:s1"]);
      });

      it("keeps the event-log registry per workspace, newest first", async () => {
        const log = (id: string, createdAt: string) => ({
          id,
          name: `log ${id}`,
          fileName: `${id}.csv`,
          engine: "duckdb",
          stats: { events: 42, cases: 6 },
          report: { events: 42, errors: [] },
          createdAt,
        });
        await t.store.eventLogs.insert(WS, log("a", "2026-05-01T10:00:00.000Z"));
        await t.store.eventLogs.insert(WS, log("b", "2026-05-02T10:00:00.000Z"));
        const again = await t.reopen();
        expect((await again.eventLogs.list(WS)).map((l) => l.id)).toEqual(["b", "a"]);
        expect(await again.eventLogs.get(WS, "a")).toEqual(log("a", "2026-05-01T10:00:00.000Z"));
        expect(await again.eventLogs.get("elsewhere", "a")).toBeNull();
        expect(await again.eventLogs.delete("elsewhere", "a")).toBe(false);
        expect(await again.eventLogs.delete(WS, "a")).toBe(true);
        expect((await again.eventLogs.list(WS)).map((l) => l.id)).toEqual(["b"]);
      });

      it("keeps surveys per map and removes them with the map's", async () => {
        await t.store.journeys.insert(WS, mapDoc("m1"));
        await t.store.journeys.insert(WS, mapDoc("m2"));
        const survey = (id: string, journeyId: string) => ({
          id,
          journeyId,
          name: id,
          responses: [
            {
              caseId: "c1",
              stage: null,
              touchpoint: "Order",
              metric: "nps" as const,
              score: 9,
              comment: "quick",
            },
          ],
          createdAt: now,
        });
        for (const [id, m] of [
          ["s1", "m1"],
          ["s2", "m1"],
          ["s3", "m2"],
        ] as const)
          await t.store.surveys.insert(WS, survey(id, m));
        expect((await t.store.surveys.listForJourney(WS, "m1")).map((s) => s.id)).toEqual(["s1", "s2"]);
        expect((await t.store.surveys.listForJourney(WS, "m1"))[0]?.responses).toEqual(
          survey("s1", "m1").responses,
        );
        expect(await t.store.surveys.delete(WS, "m2", "s1")).toBe(false);
        expect(await t.store.surveys.delete(WS, "m1", "s1")).toBe(true);
        await t.store.surveys.deleteForJourney(WS, "m1");
        expect(await t.store.surveys.listForJourney(WS, "m1")).toEqual([]);
        expect((await t.store.surveys.listForJourney(WS, "m2")).map((s) => s.id)).toEqual(["s3"]);
      });

      it("reads default settings until some are saved", async () => {
        expect(await t.store.workspaces.settings(WS)).toEqual({});
        await t.store.workspaces.saveSettings(WS, { health: { stageMin: 4 } });
        expect(await (await t.reopen()).workspaces.settings(WS)).toEqual({ health: { stageMin: 4 } });
      });
    },
  );
}
