import { expect, it } from "vitest";
import { postgresAvailable } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { ORIGIN, useAccountsApi } from "../../accounts/test-accounts.ts";

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `share links on ${dialect}`, () => {
    const t = useAccountsApi(undefined, dialect);
    const setup = async () => {
      await t.user("owner@a.test");
      const owner = await t.login("owner@a.test");
      const map = (await owner.call("POST", "/api/journeys", { title: "Shared", kind: "current_state" })).json
        .id as string;
      return { owner, map };
    };
    const guest = (token: string, extra: Record<string, string> = {}) => ({
      get: (path: string) => t.api.call("GET", path, undefined, { "x-wayline-share": token, ...extra }),
      post: (path: string, body: unknown) =>
        t.api.call("POST", path, body, { "x-wayline-share": token, origin: ORIGIN, ...extra }),
    });

    it("creates, lists with last use and revokes links; a view link reads but never writes", async () => {
      const { owner, map } = await setup();
      const made = await owner.call("POST", `/api/journeys/${map}/share-links`, { access: "view", days: 7 });
      expect(made.status).toBe(201);
      expect(made.json.path).toBe(`/s/${made.json.token}`);
      expect(made.json.embedPath).toBe(`/embed/${made.json.token}`);
      expect(Date.parse(made.json.link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
      const info = await t.api.call("GET", `/api/share/${made.json.token}`);
      expect(info.json).toMatchObject({ access: "view", needsPassword: false, mapId: map });
      const g = guest(made.json.token, { "x-wayline-guest": "Dana" });
      const read = await g.get(`/api/journeys/${map}`);
      expect(read.status).toBe(200);
      expect(read.json.title).toBe("Shared");
      const write = await g.post(`/api/journeys/${map}/commands`, {
        baseVersion: read.json.version,
        commands: [{ type: "addPhase", name: "Sneaky" }],
      });
      expect(write.status).toBe(403);
      expect((await g.get("/api/journeys")).status).toBe(404);
      expect((await g.get("/api/personas")).status).toBe(404);
      const list = await owner.call("GET", `/api/journeys/${map}/share-links`);
      expect(list.json).toHaveLength(1);
      expect(list.json[0].lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.json)).not.toContain(made.json.token);
      const del = await owner.call(
        "DELETE",
        `/api/journeys/${map}/share-links/${made.json.link.id}`,
        undefined,
        {
          "x-wayline-csrf": owner.csrf,
        },
      );
      expect(del.status).toBe(204);
      expect((await g.get(`/api/journeys/${map}`)).status).toBe(401);
      expect((await t.api.call("GET", `/api/share/${made.json.token}`)).status).toBe(404);
      const listed = await owner.call("GET", `/api/journeys/${map}/share-links`);
      expect(listed.json[0].revokedAt).not.toBeNull();
    });

    it("an edit link changes the map through the same commands", async () => {
      const { owner, map } = await setup();
      const { token } = (await owner.call("POST", `/api/journeys/${map}/share-links`, { access: "edit" }))
        .json;
      const g = guest(token);
      const before = await g.get(`/api/journeys/${map}`);
      const res = await g.post(`/api/journeys/${map}/commands`, {
        baseVersion: before.json.version,
        commands: [{ type: "addPhase", name: "From the guest" }],
      });
      expect(res.status).toBe(200);
      const after = await owner.call("GET", `/api/journeys/${map}`);
      expect(JSON.stringify(after.json.phases)).toContain("From the guest");
    });

    it("a password-protected link withholds the map until unlocked, and locks after 5 wrong passwords", async () => {
      const { owner, map } = await setup();
      const bad = await owner.call("POST", `/api/journeys/${map}/share-links`, {
        access: "view",
        password: "short",
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.json)).toContain("password");
      const { token } = (
        await owner.call("POST", `/api/journeys/${map}/share-links`, {
          access: "view",
          password: "open sesame 42",
        })
      ).json;
      const info = await t.api.call("GET", `/api/share/${token}`);
      expect(info.json).toEqual({ access: "view", needsPassword: true, expiresAt: null });
      const locked = await guest(token).get(`/api/journeys/${map}`);
      expect(locked.status).toBe(401);
      expect(locked.json.error.details).toEqual({ needsPassword: true });
      const unlock = (password: string) =>
        t.api.call("POST", `/api/share/${token}/unlock`, { password }, { origin: ORIGIN });
      const ok = await unlock("open sesame 42");
      expect(ok.status).toBe(200);
      expect(ok.json.mapId).toBe(map);
      const opened = await guest(token, { "x-wayline-share-grant": ok.json.grant }).get(
        `/api/journeys/${map}`,
      );
      expect(opened.status).toBe(200);
      const forged = `${Date.now() + 3600_000}.${"A".repeat(43)}`;
      expect(
        (await guest(token, { "x-wayline-share-grant": forged }).get(`/api/journeys/${map}`)).status,
      ).toBe(401);
      for (let i = 0; i < 5; i++) expect((await unlock("wrong guess")).status).toBe(401);
      const limited = await unlock("open sesame 42");
      expect(limited.status).toBe(429);
      expect(limited.json.error.details.retryAfterSeconds).toBeGreaterThan(0);
    });

    it("refuses links of another map, unknown maps and a commenter managing links", async () => {
      const { owner, map } = await setup();
      const other = (await owner.call("POST", "/api/journeys", { title: "Other", kind: "current_state" }))
        .json.id;
      const { token } = (await owner.call("POST", `/api/journeys/${other}/share-links`, { access: "edit" }))
        .json;
      expect((await guest(token).get(`/api/journeys/${map}`)).status).toBe(404);
      expect((await owner.call("POST", "/api/journeys/nope/share-links", { access: "view" })).status).toBe(
        404,
      );
      await t.user("c@a.test", [["default", "commenter"]]);
      const commenter = await t.login("c@a.test");
      expect((await commenter.call("GET", `/api/journeys/${map}/share-links`)).status).toBe(403);
      const wrong = await owner.call("POST", `/api/journeys/${map}/share-links`, { access: "admin" });
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(wrong.json)).toContain("access");
    });
  });
