import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import * as Y from "yjs";
import type { SurveyResponse } from "../domain/journey-data/index.ts";
import { buildTemplate } from "../domain/templates/index.ts";
import { toYDoc } from "../domain/ydoc/to-ydoc.ts";
import { JourneyService } from "../services/journey-service.ts";
import { createTestDatabase, createTestStore, postgresAvailable } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { connectDatabase } from "./database.ts";
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from "./migrations.ts";
import type { Database } from "./schema.ts";
import { openStore } from "./store.ts";
import { hashToken } from "./tokens.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const now = "2026-03-01T09:00:00.000Z";
const { map, personas } = buildTemplate("pizza-restaurant", { now });
const settings = { health: { stageMin: 4 } };
const stats = { events: 42, cases: 6, activities: 8, variants: 6 };
const responses: SurveyResponse[] = [
  {
    caseId: "c1",
    stage: map.stages[0]?.name ?? null,
    touchpoint: null,
    metric: "csat",
    score: 4,
    comment: "Friendly staff",
  },
  {
    caseId: "c2",
    stage: map.stages[0]?.name ?? null,
    touchpoint: null,
    metric: "csat",
    score: 2,
    comment: "Slow",
  },
];

/** Rows as the code of that time wrote them, for the tables that exist after `applied`. */
async function seed(db: Kysely<Database>, applied: readonly string[]): Promise<void> {
  await db.insertInto("workspaces").values({ id: WS, name: "Team Pizza", created_at: now }).execute();
  for (const p of personas)
    await db
      .insertInto("personas")
      .values({
        id: p.id,
        workspace_id: WS,
        name: p.name,
        data: JSON.stringify(p),
        created_at: now,
        updated_at: now,
      })
      .execute();
  const row = {
    id: map.id,
    workspace_id: WS,
    title: map.title,
    kind: map.kind,
    status: map.status,
    owner: map.owner,
    tags: JSON.stringify(map.tags),
    persona_ids: JSON.stringify(map.personaIds),
    version: 3,
    ydoc: Y.encodeStateAsUpdate(toYDoc(map)),
    snapshot: JSON.stringify(map),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("journeys").values(row).execute();
  for (const [version, writes] of [
    [2, ["map:title"]],
    [3, [`stage:${map.stages[0]?.id}`]],
  ] as const)
    await db
      .insertInto("journey_changes")
      .values({ journey_id: map.id, version, reads: "[]", writes: JSON.stringify(writes), created_at: now })
      .execute();
  await db
    .insertInto("api_tokens")
    .values({ name: "ci", token_hash: hashToken("wl_old_token"), role: "editor", created_at: now } as never)
    .execute();
  if (applied.includes("0002_workspace_settings"))
    await db
      .updateTable("workspaces")
      .set({ settings: JSON.stringify(settings) })
      .execute();
  if (applied.includes("0003_event_logs"))
    await db
      .insertInto("event_logs")
      .values({
        id: "log1",
        workspace_id: WS,
        name: "Web shop",
        file_name: "shop.csv",
        stats: JSON.stringify(stats),
        report: JSON.stringify({ events: 42, errors: [] }),
        created_at: now,
      })
      .execute();
  if (applied.includes("0004_surveys"))
    await db
      .insertInto("surveys")
      .values({
        id: "survey1",
        workspace_id: WS,
        journey_id: map.id,
        name: "CSAT March",
        responses: JSON.stringify(responses),
        created_at: now,
      })
      .execute();
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `upgrading older databases on ${dialect}`,
    () => {
      for (const [i, level] of MIGRATION_NAMES.slice(0, -1).entries()) {
        it(`upgrades a database built up to ${level} and keeps its data`, async () => {
          const where = await createTestDatabase(dialect);
          try {
            const old = connectDatabase(where.options);
            try {
              expect(await migrateTo(old.db as never, old.dialect, level)).toEqual(
                MIGRATION_NAMES.slice(0, i + 1),
              );
              await seed(old.db, MIGRATION_NAMES.slice(0, i + 1));
            } finally {
              await old.close();
            }
            const upgrading = connectDatabase(where.options);
            try {
              expect(await migrateToLatest(upgrading.db as never, upgrading.dialect)).toEqual(
                MIGRATION_NAMES.slice(i + 1),
              );
            } finally {
              await upgrading.close();
            }
            const store = await openStore(where.options);
            try {
              const stored = await store.journeys.get(WS, map.id);
              expect(stored?.version).toBe(3);
              expect(stored?.map).toEqual(map);
              expect((await store.journeys.list(WS, { limit: 10, offset: 0 })).map((s) => s.title)).toEqual([
                map.title,
              ]);
              expect(await store.journeys.writesSince(map.id, 2)).toEqual([`stage:${map.stages[0]?.id}`]);
              expect(await store.personas.list(WS)).toEqual(personas);
              expect(await store.tokens.verify("wl_old_token")).toMatchObject({ name: "ci", role: "editor" });
              const ws = await store.db.selectFrom("workspaces").select("name").execute();
              expect(ws).toEqual([{ name: "Team Pizza" }]);
              const has = (name: string) => MIGRATION_NAMES.indexOf(name) <= i;
              expect(await store.workspaces.settings(WS)).toEqual(
                has("0002_workspace_settings") ? settings : {},
              );
              expect(await store.eventLogs.list(WS)).toEqual(
                has("0003_event_logs")
                  ? [expect.objectContaining({ id: "log1", name: "Web shop", engine: "duckdb", stats })]
                  : [],
              );
              expect(await store.surveys.listForJourney(WS, map.id)).toEqual(
                has("0004_surveys") ? [expect.objectContaining({ name: "CSAT March", responses })] : [],
              );
              // The upgraded database takes edits like a new one.
              const edited = await new JourneyService(store).apply(WS, map.id, {
                baseVersion: 3,
                commands: [{ type: "renameStage", id: map.stages[1]?.id as never, name: "Order online" }],
              });
              expect(edited.view.version).toBe(4);
              expect(edited.view.map.stages[1]?.name).toBe("Order online");
            } finally {
              await store.close();
            }
          } finally {
            await where.cleanUp();
          }
        });
      }

      if (dialect === "postgres")
        it("migrates a new schema while another Wayline schema exists on the server", async () => {
          const first = await createTestStore("postgres");
          try {
            const second = await createTestStore("postgres");
            try {
              expect(await second.store.journeys.list(WS, { limit: 1, offset: 0 })).toEqual([]);
            } finally {
              await second.dispose();
            }
          } finally {
            await first.dispose();
          }
        });
    },
  );
}
