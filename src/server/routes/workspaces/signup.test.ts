import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { cookieOf, ORIGIN, PASSWORD, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("sign-up from an invitation link", () => {
  const t = useAccountsApi();
  const signup = (token: string, email: string) =>
    t.api.call(
      "POST",
      `/api/invitations/${token}/signup`,
      { email, name: "Nina New", password: PASSWORD },
      { origin: ORIGIN },
    );

  it("creates the account, signs it in with the invited role, and uses the link up", async () => {
    await t.user("owner@a.test");
    const owner = await t.login("owner@a.test");
    const inv = (await owner.call("POST", `/api/workspaces/${A}/invitations`, { role: "commenter" })).json;
    const offer = await t.api.call("GET", `/api/invitations/${inv.token}/signup`);
    expect(offer.json).toMatchObject({ role: "commenter" });
    const res = await signup(inv.token, "Nina@New.test");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: A, role: "commenter" });
    const me = await t.api.call("GET", "/api/auth/me", undefined, { cookie: cookieOf(res.headers) });
    expect(me.json.user.email).toBe("nina@new.test");
    expect(me.json.workspaces).toEqual([expect.objectContaining({ id: A, role: "commenter" })]);
    // The link works once; a second sign-up and its preview answer 404 with a message.
    const again = await signup(inv.token, "other@new.test");
    expect(again.status).toBe(404);
    expect(again.json.error.message).toMatch(/unknown, used or expired/);
    expect((await t.api.call("GET", `/api/invitations/${inv.token}/signup`)).status).toBe(404);
    expect(await t.store.accounts.findByEmail("other@new.test")).toBeFalsy();
  });

  it("refuses expired links and e-mails that have an account; a cross-origin sign-up is refused", async () => {
    await t.user("owner@a.test");
    const owner = await t.login("owner@a.test");
    const inv = (await owner.call("POST", `/api/workspaces/${A}/invitations`, { role: "editor" })).json;
    expect((await signup(inv.token, "owner@a.test")).status).toBe(409);
    const evil = await t.api.call(
      "POST",
      `/api/invitations/${inv.token}/signup`,
      { email: "x@y.test", name: "X", password: PASSWORD },
      { origin: "http://evil.test" },
    );
    expect(evil.status).toBe(403);
    await t.store.db
      .updateTable("invitations")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("id", "=", inv.id)
      .execute();
    const old = await signup(inv.token, "late@new.test");
    expect(old.status).toBe(404);
    expect(await t.store.accounts.findByEmail("late@new.test")).toBeFalsy();
  });
});
