import { afterEach, beforeEach, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../server/accounts/passwords.ts";
import {
  createTestDatabase,
  createTestStore,
  postgresAvailable,
  type TestStore,
} from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { connectDatabase } from "./database.ts";
import { migrateTo } from "./migrations.ts";
import { openStore } from "./store.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "./workspaces.ts";

const pgUp = await postgresAvailable();
const now = "2026-12-01T10:00:00.000Z";
const later = "2026-12-01T11:00:00.000Z";
const past = "2026-12-01T09:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `accounts on ${dialect}`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await createTestStore(dialect);
    });
    afterEach(async () => t.dispose());

    it("stores an argon2id hash, never the password, and makes only the first user owner of default", async () => {
      const passwordHash = await hashPassword("correct horse battery");
      expect(passwordHash).toMatch(/^\$argon2id\$/);
      const ann = await t.store.accounts.createUser(
        { email: " Ann@Example.com ", name: "Ann", passwordHash },
        now,
      );
      const bob = await t.store.accounts.createUser(
        { email: "bob@example.com", name: "Bob", passwordHash },
        now,
      );
      expect(ann.email).toBe("ann@example.com");
      const found = await t.store.accounts.findByEmail("ANN@example.com");
      expect(await verifyPassword(found?.passwordHash, "correct horse battery")).toBe(true);
      expect(await verifyPassword(found?.passwordHash, "wrong horse battery")).toBe(false);
      expect(await verifyPassword(undefined, "anything")).toBe(false);
      expect(await t.store.members.roleOf(WS, ann.id)).toBe("owner");
      expect(await t.store.members.roleOf(WS, bob.id)).toBeUndefined();
      await expect(
        t.store.accounts.createUser({ email: "ann@example.com", name: "Again", passwordHash }, now),
      ).rejects.toThrow();
    });

    it("keeps sessions as hashes, expires them and ends them one by one or all at once", async () => {
      const u = await t.store.accounts.createUser({ email: "a@x.io", name: "A", passwordHash: "h" }, now);
      const s1 = await t.store.accounts.startSession(u.id, now, later);
      const s2 = await t.store.accounts.startSession(u.id, now, later);
      const rows = await t.store.db.selectFrom("sessions").select("id_hash").execute();
      expect(rows.map((r) => r.id_hash)).not.toContain(s1.id);
      expect((await t.store.accounts.session(s1.id, now))?.user.email).toBe("a@x.io");
      expect(await t.store.accounts.session(s1.id, later)).toBeUndefined();
      await t.store.accounts.endSession(s1.id);
      expect(await t.store.accounts.session(s1.id, now)).toBeUndefined();
      expect(await t.store.accounts.session(s2.id, now)).toBeDefined();
      await t.store.accounts.endAllSessions(u.id);
      expect(await t.store.accounts.session(s2.id, now)).toBeUndefined();
    });

    it("reset tokens are single use and expire", async () => {
      const u = await t.store.accounts.createUser({ email: "a@x.io", name: "A", passwordHash: "h" }, now);
      const token = await t.store.accounts.issueReset(u.id, now, later);
      const old = await t.store.accounts.issueReset(u.id, past, now);
      expect(await t.store.accounts.consumeReset(old, now)).toBeUndefined();
      expect(await t.store.accounts.consumeReset(token, now)).toBe(u.id);
      expect(await t.store.accounts.consumeReset(token, now)).toBeUndefined();
    });

    it("workspaces, roles and single-use invitations", async () => {
      const a = await t.store.accounts.createUser({ email: "a@x.io", name: "A", passwordHash: "h" }, now);
      const b = await t.store.accounts.createUser({ email: "b@x.io", name: "B", passwordHash: "h" }, now);
      const ws = await t.store.members.createWorkspace("Growth", a.id, now);
      expect((await t.store.members.workspacesOf(a.id)).map((w) => [w.name, w.role]).sort()).toEqual([
        ["Growth", "owner"],
        ["My workspace", "owner"],
      ]);
      const { token, invitation } = await t.store.members.invite(ws.id, "editor", a.id, now, later);
      expect((await t.store.members.openInvitation(token, now))?.workspaceName).toBe("Growth");
      expect(await t.store.members.openInvitation(token, later)).toBeUndefined();
      expect(await t.store.members.markAccepted(invitation.id, b.id, now)).toBe(true);
      expect(await t.store.members.markAccepted(invitation.id, b.id, now)).toBe(false);
      await t.store.members.setRole(ws.id, b.id, "editor", now);
      await t.store.members.setRole(ws.id, b.id, "viewer", now);
      expect((await t.store.members.list(ws.id)).map((m) => [m.email, m.role])).toEqual([
        ["a@x.io", "owner"],
        ["b@x.io", "viewer"],
      ]);
      expect(await t.store.members.ownerCount(ws.id)).toBe(1);
      expect(await t.store.members.remove(ws.id, b.id)).toBe(true);
      expect(await t.store.members.roleOf(ws.id, b.id)).toBeUndefined();
    });

    it("upgrades a single-user folder: the first account owns the default workspace and its data", async () => {
      const loc = await createTestDatabase(dialect);
      try {
        const old = connectDatabase(loc.options);
        await migrateTo(old.db as never, old.dialect, "0005_event_log_engine");
        await old.db.insertInto("workspaces").values({ id: WS, name: "Solo", created_at: past }).execute();
        await old.db
          .insertInto("personas")
          .values({ id: "p1", workspace_id: WS, name: "Eva", data: "{}", created_at: past, updated_at: past })
          .execute();
        await old.close();
        const store = await openStore(loc.options);
        try {
          const owner = await store.accounts.createUser(
            { email: "o@x.io", name: "O", passwordHash: "h" },
            now,
          );
          expect(await store.members.workspacesOf(owner.id)).toEqual([
            { id: WS, name: "Solo", role: "owner" },
          ]);
          const rows = await store.db
            .selectFrom("personas")
            .select("name")
            .where("workspace_id", "=", WS)
            .execute();
          expect(rows.map((r) => r.name)).toEqual(["Eva"]);
        } finally {
          await store.close();
        }
      } finally {
        await loc.cleanUp();
      }
    });
  });
}
