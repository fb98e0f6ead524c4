import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { applyCommands, fromYDoc, type JourneyMap, MapCommandSchema, toYDoc } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { EventBus, type WaylineEvent } from "../events/events.ts";
import { createServices, type Services } from "../services.ts";
import { ActivityService, COALESCE_MS } from "./activity-service.ts";
import { runAs } from "./actor-context.ts";

const pgUp = await postgresAvailable();
const ana = { kind: "member" as const, userId: "u-ana", name: "Ana" };
const ben = { kind: "member" as const, userId: "u-ben", name: "Ben" };

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `the activity log on ${dialect}`, () => {
    let t: TestStore;
    let dir: string;
    let services: Services;
    let clock: number;
    const tick = (ms: number) => {
      clock += ms;
    };
    beforeEach(async () => {
      t = await createTestStore(dialect);
      dir = mkdtempSync(join(tmpdir(), "wayline-activity-"));
      clock = Date.parse("2026-12-01T10:00:00.000Z");
      services = createServices({ store: t.store, dataDir: dir, clock: () => new Date(clock).toISOString() });
    });
    afterEach(async () => {
      await services.close();
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    const newMap = async () =>
      (await services.journeys.create(WS, { title: "Pizza", kind: "current_state" })).map.id;
    const apply = async (who: typeof ana, id: string, ...commands: unknown[]) => {
      const { version } = await services.journeys.get(WS, id);
      await runAs(
        () => who,
        () =>
          services.journeys.apply(WS, id, {
            baseVersion: version,
            commands: commands.map((c) => MapCommandSchema.parse(c)),
          }),
      );
    };

    it("records REST and CLI edits as their actor's and folds one card's text edits within a minute", async () => {
      const id = await newMap();
      await apply(
        ana,
        id,
        { type: "addStage", id: "s1", name: "Arrival" },
        { type: "addLane", id: "l1", laneType: "text" },
      );
      await apply(ana, id, { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "Park" });
      tick(1000);
      await apply(ana, id, { type: "updateCard", id: "c1", text: "Parking" });
      tick(20_000);
      await apply(ana, id, { type: "updateCard", id: "c1", text: "Parking is hard" });
      tick(COALESCE_MS + 1);
      await apply(ana, id, { type: "updateCard", id: "c1", text: "No parking" });
      await apply(ben, id, { type: "updateCard", id: "c1", text: "No parking at all" });
      const page = await services.activity.listForMap(WS, id, {}, undefined);
      expect(page.entries.map((e) => `${e.actorName}: ${e.summary}`)).toEqual([
        "Ben: edited card “No parking” → “No parking at all”",
        "Ana: edited card “Parking is hard” → “No parking”",
        "Ana: edited card “Park” → “Parking is hard”",
        "Ana: added card “Park” in Text × Arrival",
        "Ana: added lane “Text”",
        "Ana: added stage “Arrival”",
        "Wayline: created the map “Pizza”",
      ]);
    });

    it("tells maps created and deleted, as their actor's", async () => {
      const id = await runAs(
        () => ana,
        async () =>
          (await services.journeys.create(WS, { title: "Night shift", kind: "current_state" })).map.id,
      );
      await runAs(
        () => ben,
        () => services.journeys.delete(WS, id),
      );
      const page = await services.activity.list(WS, { journeyId: id }, undefined);
      expect(page.entries.map((e) => `${e.actorName}: ${e.kind} ${e.summary}`)).toEqual([
        "Ben: map.deleted deleted the map “Night shift”",
        "Ana: map.created created the map “Night shift”",
      ]);
    });

    it("pages with a cursor and filters by member, kind and date", async () => {
      const id = await newMap();
      for (let i = 0; i < 5; i++) {
        await apply(i % 2 ? ben : ana, id, { type: "addStage", id: `s${i}`, name: `Stage ${i}` });
        tick(60_000);
      }
      await apply(ana, id, { type: "renameStage", id: "s0", name: "First" });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await services.activity.list(WS, { journeyId: id }, cursor, 2);
        expect(page.entries.length).toBeLessThanOrEqual(2);
        seen.push(...page.entries.map((e) => e.summary));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([
        "renamed stage “Stage 0” → “First”",
        "added stage “Stage 4”",
        "added stage “Stage 3”",
        "added stage “Stage 2”",
        "added stage “Stage 1”",
        "added stage “Stage 0”",
        "created the map “Pizza”",
      ]);
      const bens = await services.activity.list(WS, { actorKey: "user:u-ben" }, undefined);
      expect(bens.entries.map((e) => e.summary)).toEqual(["added stage “Stage 3”", "added stage “Stage 1”"]);
      const renames = await services.activity.list(WS, { kind: "stage.renamed" }, undefined);
      expect(renames.entries).toHaveLength(1);
      const window = await services.activity.list(
        WS,
        { from: "2026-12-01T10:01:00.000Z", to: "2026-12-01T10:03:00.000Z" },
        undefined,
      );
      expect(window.entries.map((e) => e.summary)).toEqual([
        "added stage “Stage 2”",
        "added stage “Stage 1”",
      ]);
      expect((await services.activity.actors(WS)).map((a) => a.name)).toEqual(["Wayline", "Ana", "Ben"]);
      await expect(services.activity.list(WS, {}, "not-a-cursor")).rejects.toMatchObject({
        code: "invalid_request",
      });
      await expect(services.activity.listForMap("another", id, {}, undefined)).rejects.toMatchObject({
        code: "not_found",
      });
    });

    it("publishes one map.changed event per new entry, and keeps entries within the retention limits", async () => {
      const bus = new EventBus();
      const events: WaylineEvent[] = [];
      bus.subscribe((e) => {
        events.push(e);
      });
      const log = new ActivityService(t.store, bus, () => new Date(clock).toISOString(), {
        days: 1,
        maxEntries: 3,
      });
      const id = await newMap();
      const base: JourneyMap = (await services.journeys.get(WS, id)).map;
      const doc = toYDoc(base);
      const step = async (c: unknown) => {
        const before = fromYDoc(doc);
        applyCommands(doc, [MapCommandSchema.parse(c)]);
        return log.recordDiff(WS, before, fromYDoc(doc), ana);
      };
      await step({ type: "addStage", id: "s1", name: "A" });
      await step({ type: "renameStage", id: "s1", name: "AB" });
      await step({ type: "renameStage", id: "s1", name: "ABC" }); // folded into the rename before
      expect(events.map((e) => (e.type === "map.changed" ? e.summary : e.type))).toEqual([
        "added stage “A”",
        "renamed stage “A” → “AB”",
      ]);
      for (let i = 0; i < 4; i++) await step({ type: "addStage", id: `x${i}`, name: `X${i}` });
      await log.prune(WS, true);
      expect((await log.list(WS, {}, undefined)).entries).toHaveLength(3);
      tick(2 * 86_400_000);
      await step({ type: "addStage", id: "late", name: "Late" });
      await log.prune(WS, true);
      expect((await log.list(WS, {}, undefined)).entries.map((e) => e.summary)).toEqual([
        "added stage “Late”",
      ]);
    });
  });
