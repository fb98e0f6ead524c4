import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { ORIGIN, type Session, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("comments, reviews and inbox API (accounts mode)", () => {
  const t = useAccountsApi();
  let owner: Session;
  let ben: Session;
  let viewer: Session;
  let map: string;
  let card: string;
  beforeEach(async () => {
    await t.user("owner@a.test");
    await t.user("ben@a.test", [[A, "commenter"]]);
    await t.user("vi@a.test", [[A, "viewer"]]);
    owner = await t.login("owner@a.test");
    ben = await t.login("ben@a.test");
    viewer = await t.login("vi@a.test");
    const m = (await owner.call("POST", "/api/journeys", { templateId: "pizza-restaurant" })).json;
    map = m.id;
    card = m.cards[0].id;
  });

  it("a mention reaches the inbox, the reply reaches the author, viewers read but cannot comment", async () => {
    const th = await owner.call("POST", `/api/journeys/${map}/comments`, {
      anchor: { kind: "card", cardId: card },
      body: `@[ben](${ben.userId}) please check`,
    });
    expect(th.status).toBe(201);
    expect(th.json.comments[0]).toMatchObject({ authorName: "owner", mine: true });
    const inbox = await ben.call("GET", "/api/inbox");
    expect(inbox.json.unread).toBe(1);
    expect(inbox.json.items[0]).toMatchObject({ type: "mention", link: `/maps/${map}?thread=${th.json.id}` });
    expect(
      (await ben.call("POST", `/api/journeys/${map}/comments/${th.json.id}/replies`, { body: "Done" }))
        .status,
    ).toBe(201);
    expect((await owner.call("GET", "/api/inbox/count")).json.unread).toBe(1);
    const seen = await viewer.call("GET", `/api/journeys/${map}/comments`);
    expect(seen.json.threads[0].comments.map((c: { body: string }) => c.body)).toHaveLength(2);
    expect(seen.json.openByAnchor).toEqual({ [`card:${card}`]: 1 });
    const refused = await viewer.call("POST", `/api/journeys/${map}/comments`, {
      anchor: { kind: "map" },
      body: "x",
    });
    expect(refused.status).toBe(403);
    // Viewers may mark their own inbox read (the only viewer write of the table).
    expect((await viewer.call("POST", "/api/inbox/read", { all: true })).json).toEqual({ unread: 0 });
    expect((await ben.call("POST", "/api/inbox/read", { all: true })).json).toEqual({ unread: 0 });
  });

  it("only the author edits or deletes; bad input is located; hostile text comes back as text", async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const th = (
      await owner.call("POST", `/api/journeys/${map}/comments`, { anchor: { kind: "map" }, body: hostile })
    ).json;
    const cid = th.comments[0].id;
    const path = `/api/journeys/${map}/comments/${th.id}/comments/${cid}`;
    expect((await ben.call("PATCH", path, { body: "mine" })).json.error.message).toMatch(/only the author/);
    const benDel = await ben.call("DELETE", path, undefined, { "x-wayline-csrf": ben.csrf });
    expect([benDel.status, benDel.json.error.message]).toEqual([
      403,
      "only the author of a comment may edit or delete it",
    ]);
    expect((await owner.call("PATCH", path, { body: "fixed" })).json.comments[0].body).toBe("fixed");
    const bad = await owner.call("POST", `/api/journeys/${map}/comments`, {
      anchor: { kind: "lane" },
      body: "",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "body.anchor.laneId",
      "body.body",
    ]);
    const res = await owner.call("GET", `/api/journeys/${map}/comments`);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const h2 = (
      await owner.call("POST", `/api/journeys/${map}/comments`, { anchor: { kind: "map" }, body: hostile })
    ).json;
    expect(h2.comments[0].body).toBe(hostile);
    expect(
      (await ben.call("PATCH", `/api/journeys/${map}/comments/${th.id}`, { status: "resolved" })).json.status,
    ).toBe("resolved");
    expect((await owner.call("DELETE", path, undefined, { "x-wayline-csrf": owner.csrf })).status).toBe(204);
  });

  it("changes: answers the cursor, waits with ?wait and wakes on a new comment", async () => {
    const { cursor } = (await owner.call("GET", `/api/journeys/${map}/comments`)).json;
    const waiting = ben.call(
      "GET",
      `/api/journeys/${map}/comments/changes?since=${encodeURIComponent(cursor)}&wait=10`,
    );
    await owner.call("POST", `/api/journeys/${map}/comments`, { anchor: { kind: "map" }, body: "new" });
    const got = await waiting;
    expect(got.json.changed).toBe(true);
    expect((await ben.call("GET", `/api/journeys/${map}/comments/changes?wait=31`)).status).toBe(400);
  });

  it("review: the owner asks ben; ben approves; the map is published with a version", async () => {
    const mentionable = (await owner.call("GET", `/api/journeys/${map}/mentionable`)).json;
    expect(mentionable.map((m: { name: string }) => m.name).sort()).toEqual(["ben", "owner", "vi"]);
    expect(
      (await ben.call("POST", `/api/journeys/${map}/reviews`, { reviewers: [owner.userId] })).status,
    ).toBe(403);
    const r = await owner.call("POST", `/api/journeys/${map}/reviews`, {
      reviewers: [ben.userId],
      message: "Please",
    });
    expect(r.status).toBe(201);
    expect((await ben.call("GET", "/api/inbox")).json.items[0]).toMatchObject({
      type: "review_requested",
      link: `/maps/${map}?review=${r.json.id}`,
    });
    const d = await ben.call("POST", `/api/journeys/${map}/reviews/${r.json.id}/decision`, {
      decision: "approved",
    });
    expect(d.json.status).toBe("approved");
    const after = (await owner.call("GET", `/api/journeys/${map}`)).json;
    expect(after.status).toBe("published");
    expect(after.lastReviewedAt).toBe(new Date().toISOString().slice(0, 10));
    const versions = (await owner.call("GET", `/api/journeys/${map}/versions`)).json;
    expect(versions[0].label).toMatch(/^Published .* \(approved by ben\)$/);
  });

  it("a comment link's guest comments under their name, edits only their own, has no inbox and sees no members", async () => {
    const link = (access: string) =>
      owner.call("POST", `/api/journeys/${map}/share-links`, { access }).then((r) => r.json.token as string);
    const token = await link("comment");
    const as = (tok: string, name: string) => (method: string, path: string, b?: unknown) =>
      t.api.call(method, path, b, { "x-wayline-share": tok, "x-wayline-guest": name, origin: ORIGIN });
    const dana = as(token, "Dana");
    const made = await dana("POST", `/api/journeys/${map}/comments`, {
      anchor: { kind: "map" },
      body: "From a stakeholder",
    });
    expect(made.status).toBe(201);
    expect(made.json.comments[0]).toMatchObject({
      author: { kind: "guest", guestName: "Dana" },
      authorName: "Dana (guest)",
      mine: true,
    });
    const cid = made.json.comments[0].id;
    const other = as(token, "Eve");
    expect(
      (await other("PATCH", `/api/journeys/${map}/comments/${made.json.id}/comments/${cid}`, { body: "x" }))
        .status,
    ).toBe(403);
    const seen = (await owner.call("GET", `/api/journeys/${map}/comments`)).json.threads[0].comments[0];
    expect([seen.authorName, seen.mine]).toEqual(["Dana (guest)", false]);
    expect((await dana("GET", "/api/inbox")).status).toBe(404);
    expect((await dana("GET", `/api/journeys/${map}/mentionable`)).status).toBe(404);
    expect((await dana("POST", `/api/journeys/${map}/reviews`, { reviewers: [ben.userId] })).status).toBe(
      404,
    );
    const viewer = as(await link("view"), "Vic");
    expect((await viewer("GET", `/api/journeys/${map}/comments`)).status).toBe(200);
    expect(
      (await viewer("POST", `/api/journeys/${map}/comments`, { anchor: { kind: "map" }, body: "no" })).status,
    ).toBe(403);
  });
});
