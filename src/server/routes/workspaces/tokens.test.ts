import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { ORIGIN, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("a workspace's API tokens", () => {
  const t = useAccountsApi();

  it("belong to one workspace with a role no higher than their creator's; names unique per workspace; last use; revoke", async () => {
    await t.user("owner@a.test");
    const owner = await t.login("owner@a.test");
    await t.user("admin@a.test", [[A, "admin"]]);
    await t.user("ed@a.test", [[A, "editor"]]);
    const admin = await t.login("admin@a.test");
    const ed = await t.login("ed@a.test");
    const b = (await owner.call("POST", "/api/workspaces", { name: "B" })).json.id as string;
    const inA = (await owner.call("POST", "/api/journeys", { title: "Map of A", kind: "current_state" })).json
      .id;
    const inB = (
      await owner.call(
        "POST",
        "/api/journeys",
        { title: "Map of B", kind: "current_state" },
        { "x-wayline-workspace": b },
      )
    ).json.id;

    const made = await admin.call("POST", `/api/workspaces/${A}/tokens`, { name: "ci", role: "viewer" });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: "ci", role: "viewer", workspaceId: A, lastUsedAt: null });
    expect(made.json.token).toMatch(/^wl_/);
    expect((await admin.call("POST", `/api/workspaces/${A}/tokens`, { name: "ci" })).status).toBe(409);
    expect(
      (await admin.call("POST", `/api/workspaces/${A}/tokens`, { name: "root", role: "owner" })).status,
    ).toBe(403);
    expect((await ed.call("POST", `/api/workspaces/${A}/tokens`, { name: "mine" })).status).toBe(403);
    const inWsB = await owner.call("POST", `/api/workspaces/${b}/tokens`, { name: "ci", role: "editor" });
    expect(inWsB.status).toBe(201);

    // Each token acts in its own workspace only, with its role.
    const bearer = (token: string) => ({ authorization: `Bearer ${token}`, origin: ORIGIN });
    const listA = await t.api.call("GET", "/api/journeys", undefined, bearer(made.json.token));
    expect(listA.text).toContain(inA);
    expect(listA.text).not.toContain(inB);
    const listB = await t.api.call("GET", "/api/journeys", undefined, bearer(inWsB.json.token));
    expect(listB.text).toContain(inB);
    expect(listB.text).not.toContain(inA);
    expect(
      (await t.api.call("GET", `/api/journeys/${inA}`, undefined, bearer(inWsB.json.token))).status,
    ).toBe(404);
    const write = await t.api.call(
      "POST",
      "/api/journeys",
      { title: "X", kind: "current_state" },
      bearer(made.json.token),
    );
    expect(write.status).toBe(403);

    const listed = (await admin.call("GET", `/api/workspaces/${A}/tokens`)).json;
    expect(listed).toEqual([expect.objectContaining({ name: "ci", role: "viewer", workspaceId: A })]);
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(made.json.token);
    const csrf = { "x-wayline-csrf": admin.csrf };
    // Another workspace's token id is not found here.
    expect(
      (await admin.call("DELETE", `/api/workspaces/${A}/tokens/${inWsB.json.id}`, undefined, csrf)).status,
    ).toBe(404);
    expect(
      (await admin.call("DELETE", `/api/workspaces/${A}/tokens/${made.json.id}`, undefined, csrf)).status,
    ).toBe(204);
    expect((await t.api.call("GET", "/api/journeys", undefined, bearer(made.json.token))).status).toBe(401);
    expect((await t.api.call("GET", "/api/journeys", undefined, bearer(inWsB.json.token))).status).toBe(200);
  });
});
