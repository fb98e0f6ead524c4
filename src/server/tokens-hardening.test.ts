import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestStore, postgresAvailable, type TestStore } from "../testing/databases.ts";
import { describeWithService } from "../testing/services.ts";
import { createApp } from "./app.ts";
import { tokenAuthenticator } from "./auth.ts";
import { testClient } from "./test-client.ts";

const pgUp = await postgresAvailable();
const now = "2026-12-01T10:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `tokens on ${dialect} (finding 7)`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await createTestStore(dialect);
    });
    afterEach(async () => t.dispose());

    it("token names are unique: a duplicate is a clear conflict", async () => {
      await t.store.tokens.create("ci", "editor", now);
      await expect(t.store.tokens.create("ci", "viewer", now)).rejects.toMatchObject({
        code: "conflict",
        message: 'a token named "ci" already exists; revoke it first or choose another name',
      });
      expect((await t.store.tokens.list()).map((x) => x.name)).toEqual(["ci"]);
    });

    it("revokes by name or id, records when a token was last used", async () => {
      const a = await t.store.tokens.create("alice", "owner", now);
      const b = await t.store.tokens.create("bob", "viewer", now);
      expect((await t.store.tokens.list()).map((x) => x.lastUsedAt)).toEqual([null, null]);
      expect(await t.store.tokens.verify(a, "2026-12-01T11:00:00.000Z")).toMatchObject({
        name: "alice",
        role: "owner",
      });
      const listed = await t.store.tokens.list();
      expect(listed.find((x) => x.name === "alice")?.lastUsedAt).toBe("2026-12-01T11:00:00.000Z");
      expect(await t.store.tokens.revoke("alice")).toMatchObject({ name: "alice" });
      expect(await t.store.tokens.verify(a)).toBeNull();
      const bob = listed.find((x) => x.name === "bob");
      expect(await t.store.tokens.revoke(String(bob?.id))).toMatchObject({ name: "bob" });
      expect(await t.store.tokens.verify(b)).toBeNull();
      await expect(t.store.tokens.revoke("nobody")).rejects.toMatchObject({ code: "not_found" });
    });

    it("the rate-limit bucket is the token's, not its name's; failed authentication is limited per address", async () => {
      const api = testClient(
        createApp({ store: t.store, auth: tokenAuthenticator(t.store.tokens), rateLimitPerMinute: 3 }),
        "10.0.0.7",
      );
      const owner = await t.store.tokens.create("owner", "owner", now);
      const viewer = await t.store.tokens.create("viewer", "viewer", now);
      for (let i = 0; i < 4; i++) await api.get("/api/journeys", { authorization: `Bearer ${viewer}` });
      expect((await api.get("/api/journeys", { authorization: `Bearer ${viewer}` })).status).toBe(429);
      expect((await api.get("/api/journeys", { authorization: `Bearer ${owner}` })).status).toBe(200);
      // Names are unique, yet one name can belong to two tokens over time: a token made under the
      // name of a revoked, rate-limited one starts with its own full bucket.
      await t.store.tokens.revoke("viewer");
      const again = await t.store.tokens.create("viewer", "viewer", "2026-12-01T10:00:01.000Z");
      const fresh = await api.get("/api/journeys", { authorization: `Bearer ${again}` });
      expect(fresh.status, JSON.stringify(fresh.json)).toBe(200);

      const other = testClient(
        createApp({ store: t.store, auth: tokenAuthenticator(t.store.tokens) }),
        "10.0.0.9",
      );
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++)
        statuses.push((await other.get("/api/journeys", { authorization: `Bearer garbage${i}` })).status);
      expect(statuses.slice(0, 20)).toEqual(new Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(new Array(5).fill(429));
      // Locked out is the address that guessed, even with a valid token now; other addresses are not.
      expect((await other.get("/api/journeys", { authorization: `Bearer ${owner}` })).status).toBe(429);
      expect((await api.get("/api/journeys", { authorization: `Bearer ${owner}` })).status).toBe(200);
    });
  });
}
