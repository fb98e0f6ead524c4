import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as WS } from "../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { createServices, type Services } from "./services.ts";

const pgUp = await postgresAvailable();
const clock = () => "2026-06-01T08:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `services wired by createServices on ${dialect}`,
    () => {
      let t: TestStore;
      let dir: string;
      let services: Services;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        dir = mkdtempSync(join(tmpdir(), "wayline-services-"));
        services = createServices({ store: t.store, dataDir: dir, clock });
      });
      afterEach(async () => {
        await services.close();
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      });

      it("deletes a map together with its surveys", async () => {
        const { map } = await services.journeys.create(WS, { templateId: "pizza-restaurant" });
        const stage = map.stages[0]?.name ?? "";
        const file = join(dir, "feedback.csv");
        writeFileSync(file, `stage,metric,score,comment\n${stage},csat,5,Great\n${stage},csat,3,Slow\n`);
        const survey = await services.surveys.import(WS, map.id, file, "feedback.csv");
        expect(survey).toMatchObject({ name: "feedback", responses: 2, errors: [], createdAt: clock() });
        const results = await services.surveys.results(WS, map.id);
        expect(JSON.stringify(results)).toContain(stage);
        await services.journeys.delete(WS, map.id);
        expect(await t.store.surveys.listForJourney(WS, map.id)).toEqual([]);
        const rows = await t.store.db.selectFrom("surveys").select("id").execute();
        expect(rows).toEqual([]);
        await expect(services.journeys.delete(WS, map.id)).rejects.toMatchObject({ code: "not_found" });
      });

      it("links a future state through an ordinary command batch (a version with its change)", async () => {
        const current = await services.journeys.create(WS, { templateId: "pizza-restaurant" });
        const future = await services.analysis.createFutureState(WS, current.map.id);
        expect(future.map).toMatchObject({ kind: "future_state", counterpartId: current.map.id });
        const linked = await services.journeys.get(WS, current.map.id);
        expect(linked.version).toBe(2);
        expect(linked.map.counterpartId).toBe(future.map.id);
        expect(linked.map.updatedAt).toBe(clock());
        expect(await t.store.journeys.writesSince(current.map.id, 1)).not.toEqual([]);
        // A stale batch on the same property now conflicts, as with any other edit.
        await expect(
          services.journeys.apply(WS, current.map.id, {
            baseVersion: 1,
            commands: [{ type: "setMapProperties", patch: { counterpartId: null } }],
          }),
        ).rejects.toMatchObject({ code: "conflict" });
        await expect(services.analysis.createFutureState(WS, future.map.id)).rejects.toMatchObject({
          code: "invalid_request",
        });
        expect((await services.journeys.list(WS, { limit: 10, offset: 0 })).length).toBe(2);
      });

      it("keeps workspace settings through the settings repository", async () => {
        const saved = await services.settings.update(WS, { health: { stageMin: 3 } });
        expect(saved.health.stageMin).toBe(3);
        expect(await t.store.workspaces.settings(WS)).toMatchObject({ health: { stageMin: 3 } });
        expect((await createServices({ store: await t.reopen() }).settings.get(WS)).health.stageMin).toBe(3);
      });
    },
  );
}

describe("future state on a map edited meanwhile", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
  });
  afterEach(async () => t.dispose());

  it("removes the copy again when the link conflicts with a concurrent edit", async () => {
    let concurrentEdit: (() => void) | null = null;
    // The service reads the clock after copying the map: another process edits the link then.
    const services = createServices({
      store: t.store,
      clock: () => {
        const edit = concurrentEdit;
        concurrentEdit = null;
        edit?.();
        return clock();
      },
    });
    const current = await services.journeys.create(WS, { templateId: "pizza-restaurant" });
    concurrentEdit = () => {
      const other = new SQLite(t.store.location);
      try {
        other.prepare("update journeys set version = 2 where id = ?").run(current.map.id);
        other
          .prepare("insert into journey_changes values (?, 2, '[]', ?, ?)")
          .run(current.map.id, JSON.stringify(["meta:counterpartId"]), clock());
      } finally {
        other.close();
      }
    };
    await expect(services.analysis.createFutureState(WS, current.map.id)).rejects.toMatchObject({
      code: "conflict",
    });
    const maps = await services.journeys.list(WS, { limit: 10, offset: 0 });
    expect(maps.map((m) => m.id)).toEqual([current.map.id]);
    const after = await services.journeys.get(WS, current.map.id);
    expect(after.version).toBe(2);
    expect(after.map.counterpartId).toBeNull();
  });
});

describe("services reach the database only through repositories", () => {
  const root = new URL(".", import.meta.url).pathname;
  const sources = (readdirSync(root, { recursive: true }) as string[]).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("export"),
  );

  it.each(sources)("%s uses no Kysely query builder or raw database handle", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    expect(text).not.toMatch(/from "kysely"|\.db\b|selectFrom|insertInto|updateTable|deleteFrom/);
  });
});
