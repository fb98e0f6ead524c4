import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../storage/workspaces.ts";
import { CSRF_HEADER } from "./session.ts";
import { cookieOf, ORIGIN, PASSWORD, useAccountsApi } from "./test-accounts.ts";

const map = { title: "Onboarding", kind: "current_state" };

describe("accounts mode", () => {
  const t = useAccountsApi({ perAccount: 3, perAddress: 5, windowMs: 60_000 });

  it("setup creates the first owner once, signs them in, then closes", async () => {
    expect((await t.api.get("/api/auth/setup")).json).toEqual({ needed: true });
    const res = await t.api.post(
      "/api/auth/setup",
      { email: "Owner@Team.io", password: PASSWORD },
      { origin: ORIGIN },
    );
    expect(res.status).toBe(201);
    expect(res.json.user.email).toBe("owner@team.io");
    expect(res.json.workspaces).toEqual([{ id: A, name: "My workspace", role: "owner" }]);
    const set = res.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    const cookie = cookieOf(res.headers);
    expect((await t.api.get("/api/journeys", { cookie })).status).toBe(200);
    const again = await t.api.post(
      "/api/auth/setup",
      { email: "x@team.io", password: PASSWORD },
      { origin: ORIGIN },
    );
    expect(again.status).toBe(409);
    expect((await t.api.get("/api/auth/setup")).json).toEqual({ needed: false });
    const weak = await t.api.post(
      "/api/auth/login",
      { email: "owner@team.io", password: "nope" },
      { origin: ORIGIN },
    );
    expect(weak.status).toBe(401);
  });

  it("rejects wrong passwords, locks an account after 3 failures even for the right one", async () => {
    await t.user("ann@team.io");
    const login = (password: string, address?: string) =>
      t.api.post(
        "/api/auth/login",
        { email: "ann@team.io", password },
        { origin: ORIGIN, ...(address ? {} : {}) },
      );
    for (let i = 0; i < 3; i++) expect((await login("wrong password")).status).toBe(401);
    const locked = await login(PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Unknown accounts count against the address: 2 more failures lock the address for everyone.
    for (let i = 0; i < 2; i++)
      await t.api.post("/api/auth/login", { email: `nobody${i}@team.io`, password: "x" }, { origin: ORIGIN });
    await t.user("bob@team.io");
    const bob = await t.api.post(
      "/api/auth/login",
      { email: "bob@team.io", password: PASSWORD },
      { origin: ORIGIN },
    );
    expect(bob.status).toBe(429);
  });

  it("cookie writes need our exact origin and JSON or the CSRF token", async () => {
    await t.user("ann@team.io");
    const s = await t.login("ann@team.io");
    const post = (headers: Record<string, string>, body: unknown = map) =>
      t.api.call("POST", "/api/journeys", body, { cookie: s.cookie, ...headers });
    expect((await post({ origin: "http://evil.test:4400" })).status).toBe(403);
    expect((await post({ origin: "https://wayline.test:4400" })).status).toBe(403);
    expect((await post({ origin: "http://wayline.test:4401" })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ origin: ORIGIN })).status).toBe(201);
    const form = { origin: ORIGIN, "content-type": "text/plain" };
    expect((await post(form, JSON.stringify(map))).status).toBe(403);
    const withToken = await post({ ...form, [CSRF_HEADER]: s.csrf }, JSON.stringify(map));
    expect(withToken.status).toBe(415);
    const login = await t.api.post(
      "/api/auth/login",
      { email: "ann@team.io", password: PASSWORD },
      { origin: "http://evil.test" },
    );
    expect(login.status).toBe(403);
  });

  it("logout ends one session, logout-all every one; a password change ends the others", async () => {
    await t.user("ann@team.io");
    const a = await t.login("ann@team.io");
    const b = await t.login("ann@team.io");
    const c = await t.login("ann@team.io");
    expect((await a.call("POST", "/api/auth/logout")).status).toBe(403);
    expect((await a.call("POST", "/api/auth/logout", undefined, { [CSRF_HEADER]: a.csrf })).status).toBe(204);
    expect((await a.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await b.call("GET", "/api/auth/me")).json.user.email).toBe("ann@team.io");
    const changed = await b.call("POST", "/api/auth/password", {
      current: PASSWORD,
      next: "a much better passphrase",
    });
    expect(changed.status).toBe(200);
    expect((await c.call("GET", "/api/auth/me")).status).toBe(401);
    const fresh = { cookie: cookieOf(changed.headers), origin: ORIGIN };
    expect((await t.api.call("GET", "/api/auth/me", undefined, fresh)).status).toBe(200);
    expect((await t.api.call("POST", "/api/auth/logout-all", {}, fresh)).status).toBe(204);
    expect((await t.api.call("GET", "/api/auth/me", undefined, fresh)).status).toBe(401);
    const wrong = await t.api.post(
      "/api/auth/login",
      { email: "ann@team.io", password: PASSWORD },
      { origin: ORIGIN },
    );
    expect(wrong.status).toBe(401);
    expect((await t.login("ann@team.io", "a much better passphrase")).email).toBe("ann@team.io");
  });

  it("owners issue single-use reset links; others cannot", async () => {
    await t.user("owner@team.io");
    await t.user("ed@team.io", [[A, "admin"]]);
    const owner = await t.login("owner@team.io");
    const admin = await t.login("ed@team.io");
    expect((await admin.call("POST", "/api/auth/reset-links", { email: "owner@team.io" })).status).toBe(403);
    const link = await owner.call("POST", "/api/auth/reset-links", { email: "ed@team.io", hours: 2 });
    expect(link.status).toBe(201);
    expect(link.json.path).toBe(`/reset/${link.json.token}`);
    const reset = (token: string) =>
      t.api.post("/api/auth/reset", { token, password: "reset passphrase 1" }, { origin: ORIGIN });
    expect((await reset(link.json.token)).status).toBe(204);
    expect((await reset(link.json.token)).status).toBe(404);
    expect((await admin.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await t.login("ed@team.io", "reset passphrase 1")).email).toBe("ed@team.io");
  });

  it("invites by link into a new workspace; the invitee works there and nowhere else", async () => {
    await t.user("owner@team.io");
    await t.user("eve@team.io");
    const owner = await t.login("owner@team.io");
    const eve = await t.login("eve@team.io");
    const ws = await owner.call("POST", "/api/workspaces", { name: "Growth" });
    expect(ws.status).toBe(201);
    expect((await eve.call("GET", "/api/journeys")).status).toBe(403);
    const inv = await owner.call("POST", `/api/workspaces/${ws.json.id}/invitations`, { role: "editor" });
    expect(inv.json.path).toBe(`/invite/${inv.json.token}`);
    expect((await eve.call("GET", `/api/invitations/${inv.json.token}`)).json).toMatchObject({
      workspaceName: "Growth",
      role: "editor",
    });
    expect((await eve.call("POST", `/api/invitations/${inv.json.token}/accept`, {})).json.role).toBe(
      "editor",
    );
    expect((await eve.call("POST", `/api/invitations/${inv.json.token}/accept`, {})).status).toBe(404);
    const here = { "x-wayline-workspace": ws.json.id };
    expect((await eve.call("POST", "/api/journeys", map, here)).status).toBe(201);
    expect((await eve.call("GET", "/api/journeys", undefined, { "x-wayline-workspace": A })).status).toBe(
      404,
    );
    const members = await owner.call("GET", `/api/workspaces/${ws.json.id}/members`);
    expect(members.json.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ["eve@team.io", "editor"],
      ["owner@team.io", "owner"],
    ]);
    const me = members.json.find((m: { email: string }) => m.email === "owner@team.io").userId;
    expect(
      (await owner.call("PATCH", `/api/workspaces/${ws.json.id}/members/${me}`, { role: "admin" })).status,
    ).toBe(409);
    expect(
      (await eve.call("POST", `/api/workspaces/${ws.json.id}/invitations`, { role: "viewer" })).status,
    ).toBe(403);
  });

  it("an expired invitation is refused", async () => {
    await t.user("owner@team.io");
    await t.user("eve@team.io");
    const owner = await t.login("owner@team.io");
    const eve = await t.login("eve@team.io");
    const { token } = await t.store.members.invite(
      A,
      "viewer",
      owner.userId,
      "2026-01-01T00:00:00.000Z",
      "2026-01-02T00:00:00.000Z",
    );
    expect((await eve.call("POST", `/api/invitations/${token}/accept`, {})).status).toBe(404);
    expect(await t.store.members.roleOf(A, eve.userId)).toBeUndefined();
  });
});
