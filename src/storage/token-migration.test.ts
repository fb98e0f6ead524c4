import { expect, it } from "vitest";
import { createTestDatabase, postgresAvailable } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { connectDatabase } from "./database.ts";
import { migrateTo, migrateToLatest } from "./migrations.ts";
import type { Database } from "./schema.ts";
import { openStore } from "./store.ts";
import { hashToken } from "./tokens.ts";

const pgUp = await postgresAvailable();
const at = (m: number) => `2026-0${m}-01T09:00:00.000Z`;

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `0008_token_names with existing duplicate names on ${dialect}`,
    () => {
      it("renames every copy after the oldest to <name>-<id>; every token keeps working; names are unique after", async () => {
        const where = await createTestDatabase(dialect);
        try {
          const old = connectDatabase(where.options);
          try {
            await migrateTo(old.db as never, old.dialect, "0007_journey_versions");
            const db = old.db as unknown as import("kysely").Kysely<Database>;
            for (const [name, role, value, m] of [
              ["ci", "editor", "wl_ci_first_token", 1],
              ["alex", "viewer", "wl_alex_viewer_tok", 2],
              ["ci", "owner", "wl_ci_second_token", 3],
              ["alex", "owner", "wl_alex_owner_toke", 4],
              ["ci", "viewer", "wl_ci_third_token_", 5],
            ] as const)
              await db
                .insertInto("api_tokens")
                .values({ name, role, token_hash: hashToken(value), created_at: at(m) } as never)
                .execute();
          } finally {
            await old.close();
          }
          const upgrading = connectDatabase(where.options);
          try {
            expect(await migrateToLatest(upgrading.db as never, upgrading.dialect)).toContain(
              "0008_token_names",
            );
          } finally {
            await upgrading.close();
          }
          const store = await openStore(where.options);
          try {
            const list = await store.tokens.list();
            const byId = Object.fromEntries(list.map((t) => [t.id, t.name]));
            const ids = list.map((t) => t.id).sort((a, b) => a - b);
            expect(ids).toHaveLength(5);
            const [ci1, alex1, ci2, alex2, ci3] = ids as [number, number, number, number, number];
            expect(byId).toEqual({
              [ci1]: "ci",
              [alex1]: "alex",
              [ci2]: `ci-${ci2}`,
              [alex2]: `alex-${alex2}`,
              [ci3]: `ci-${ci3}`,
            });
            expect(await store.tokens.verify("wl_ci_first_token")).toMatchObject({
              name: "ci",
              role: "editor",
            });
            expect(await store.tokens.verify("wl_ci_second_token")).toMatchObject({
              name: `ci-${ci2}`,
              role: "owner",
            });
            expect(await store.tokens.verify("wl_alex_owner_toke")).toMatchObject({ role: "owner" });
            // 0013: existing tokens act in the default workspace; names are unique per workspace.
            expect(await store.tokens.verify("wl_ci_first_token")).toMatchObject({ workspaceId: "default" });
            await store.tokens.create("ci", "viewer", at(6), "another");
            expect((await store.tokens.list("another")).map((t) => t.name)).toEqual(["ci"]);
            // Unique from now on: creating "ci" again is refused, the index exists.
            await expect(store.tokens.create("ci", "editor", at(6))).rejects.toThrow(/ci/);
            const revoked = await store.tokens.revoke(`ci-${ci3}`);
            expect(revoked.id).toBe(ci3);
            expect(await store.tokens.verify("wl_ci_third_token_")).toBeNull();
          } finally {
            await store.close();
          }
        } finally {
          await where.cleanUp();
        }
      });
    },
  );
