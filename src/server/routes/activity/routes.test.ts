import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { type Session, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("activity API (accounts mode)", () => {
  const t = useAccountsApi();
  let owner: Session;
  let viewer: Session;
  let map: string;
  beforeEach(async () => {
    await t.user("owner@a.test");
    await t.user("vi@a.test", [[A, "viewer"]]);
    owner = await t.login("owner@a.test");
    viewer = await t.login("vi@a.test");
    map = (await owner.call("POST", "/api/journeys", { title: "Pizza", kind: "current_state" })).json.id;
  });

  it("records a REST edit as the caller's and lets viewers read it, paged", async () => {
    for (const [i, name] of ["Arrival", "Order", "Pay"].entries())
      await owner.call("POST", `/api/journeys/${map}/commands`, {
        baseVersion: i + 1,
        commands: [{ type: "addStage", name }],
      });
    const first = await viewer.call("GET", `/api/journeys/${map}/activity?limit=2`);
    expect(first.status).toBe(200);
    expect(first.json.entries.map((e: { summary: string }) => e.summary)).toEqual([
      "added stage “Pay”",
      "added stage “Order”",
    ]);
    expect(first.json.entries[0]).toMatchObject({ actorName: "owner", actorKey: `user:${owner.userId}` });
    const rest = await viewer.call(
      "GET",
      `/api/journeys/${map}/activity?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
    );
    expect(rest.json).toMatchObject({
      entries: [{ summary: "added stage “Arrival”" }, { summary: "created the map “Pizza”" }],
      nextCursor: null,
    });
    const actors = await viewer.call("GET", "/api/activity/actors");
    expect(actors.json.actors).toEqual([{ key: `user:${owner.userId}`, name: "owner" }]);
    const today = new Date().toISOString().slice(0, 10);
    const ws = await viewer.call(
      "GET",
      `/api/activity?map=${map}&from=${today}&to=${today}&kind=stage.added`,
    );
    expect(ws.json.entries).toHaveLength(3);
  });

  it("hides the activity of a map restricted away from the caller", async () => {
    await owner.call("POST", `/api/journeys/${map}/commands`, {
      baseVersion: 1,
      commands: [{ type: "addStage", name: "Secret stage" }],
    });
    const other = (await owner.call("POST", "/api/journeys", { title: "Open map", kind: "current_state" }))
      .json.id;
    expect((await viewer.call("GET", "/api/activity")).text).toContain("Secret stage");
    const put = await owner.call("PUT", `/api/journeys/${map}/access`, { restricted: true, userIds: [] });
    expect(put.status).toBe(200);
    expect((await viewer.call("GET", `/api/journeys/${map}/activity`)).status).toBe(404);
    const all = await viewer.call("GET", "/api/activity");
    expect(all.text).not.toContain("Secret stage");
    expect(all.json.entries.map((e: { journeyId: string }) => e.journeyId)).toEqual([other]);
    expect((await owner.call("GET", `/api/journeys/${map}/activity`)).status).toBe(200);
  });

  it("refuses bad filters with located problems and unknown maps with 404", async () => {
    for (const [q, path] of [
      ["kind=Stage;drop", "query.kind"],
      ["from=yesterday", "query.from"],
      ["limit=0", "query.limit"],
      ["colour=red", "query"],
      ["cursor=abc", "cursor"],
    ] as const) {
      const r = await viewer.call("GET", `/api/journeys/${map}/activity?${q}`);
      expect(r.status, q).toBe(400);
      expect(
        r.json.error.details.problems.map((p: { path: string }) => p.path),
        q,
      ).toContain(path);
    }
    expect((await viewer.call("GET", "/api/journeys/no-such-map/activity")).status).toBe(404);
  });
});
