import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { LoginLimiter } from "../server/accounts/login-limiter.ts";
import { createServices } from "../services/services.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const now = "2026-12-01T10:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `share links and lock-out on ${dialect}`,
    () => {
      let t: TestStore;
      let dir: string;
      let mapId: string;
      let otherId: string;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        dir = mkdtempSync(join(tmpdir(), "wayline-share-"));
        const services = createServices({ store: t.store, dataDir: dir, clock: () => now });
        mapId = (await services.journeys.create(WS, { templateId: "pizza-restaurant" })).map.id;
        otherId = (await services.journeys.create(WS, { templateId: "pizza-restaurant" })).map.id;
        await services.close();
      });
      afterEach(async () => {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      });

      const create = (over: { expiresAt?: string | null; map?: string } = {}) =>
        t.store.shareLinks.create(
          {
            workspaceId: WS,
            mapId: over.map ?? mapId,
            access: "view",
            passwordHash: null,
            createdBy: "u1",
            expiresAt: over.expiresAt ?? null,
          },
          now,
        );

      it("keeps only a hash, opens a live link, records its use and lists per map", async () => {
        const { link, token } = await create();
        const row = await t.store.db.selectFrom("share_links").selectAll().executeTakeFirstOrThrow();
        expect(row.token_hash).not.toContain(token.slice(4));
        const open = await t.store.shareLinks.open(token, "2026-12-01T10:05:00.000Z");
        expect(open).toMatchObject({
          id: link.id,
          mapId,
          access: "view",
          lastUsedAt: "2026-12-01T10:05:00.000Z",
        });
        await create({ map: otherId });
        const listed = await t.store.shareLinks.listForMap(WS, mapId);
        expect(listed.map((l) => l.id)).toEqual([link.id]);
        expect(listed[0]?.lastUsedAt).toBe("2026-12-01T10:05:00.000Z");
        expect(JSON.stringify(listed)).not.toContain("passwordHash");
      });

      it("refuses revoked, expired and unknown tokens; revoking needs the link's own map", async () => {
        const { link, token } = await create();
        expect(await t.store.shareLinks.revoke(WS, otherId, link.id, now)).toBe(false);
        expect(await t.store.shareLinks.open(token, now)).toBeDefined();
        expect(await t.store.shareLinks.revoke(WS, mapId, link.id, now)).toBe(true);
        expect(await t.store.shareLinks.open(token, now)).toBeUndefined();
        const soon = await create({ expiresAt: "2026-12-01T11:00:00.000Z" });
        expect(await t.store.shareLinks.open(soon.token, "2026-12-01T10:59:59.000Z")).toBeDefined();
        expect(await t.store.shareLinks.open(soon.token, "2026-12-01T11:00:00.000Z")).toBeUndefined();
        expect(await t.store.shareLinks.open("wls_unknown", now)).toBeUndefined();
      });

      it("deletes a map's links with the map", async () => {
        await create();
        await t.store.db.deleteFrom("journey_changes").where("journey_id", "=", mapId).execute();
        await t.store.db.deleteFrom("journey_versions").where("journey_id", "=", mapId).execute();
        await t.store.db.deleteFrom("journeys").where("id", "=", mapId).execute();
        expect(await t.store.db.selectFrom("share_links").selectAll().execute()).toEqual([]);
      });

      it("keeps a lock-out across a restart (counters in the database)", async () => {
        let clock = Date.parse(now);
        const limits = { perAccount: 3, perAddress: 100, windowMs: 60_000 };
        const before = new LoginLimiter(t.store.loginFailures, limits, () => clock);
        for (let i = 0; i < 3; i++) await before.fail("ann@team.io", "10.0.0.9");
        const restarted = await t.reopen();
        const after = new LoginLimiter(restarted.loginFailures, limits, () => clock);
        await expect(after.check("ann@team.io", "10.0.0.1")).rejects.toMatchObject({ code: "rate_limited" });
        await expect(after.check("bob@team.io", "10.0.0.9")).resolves.toBeUndefined();
        clock += 60_001;
        await expect(after.check("ann@team.io", "10.0.0.1")).resolves.toBeUndefined();
        await after.fail("ann@team.io", "10.0.0.9");
        await after.succeed("ann@team.io");
        expect(await restarted.loginFailures.get("a:ann@team.io")).toBeUndefined();
      });
    },
  );
}
