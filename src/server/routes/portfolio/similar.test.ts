import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { type Session, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("similar pain points API (accounts mode)", () => {
  const t = useAccountsApi();
  let owner: Session;
  let viewer: Session;
  const maps: string[] = [];
  beforeEach(async () => {
    await t.user("owner@a.test");
    await t.user("vi@a.test", [[A, "viewer"]]);
    owner = await t.login("owner@a.test");
    viewer = await t.login("vi@a.test");
    maps.length = 0;
    for (const [title, text] of [
      ["Returns", "Refund takes three weeks to arrive"],
      ["Web shop", "Waiting weeks for my refunds <b>to be processed</b>"],
    ]) {
      const m = (await owner.call("POST", "/api/journeys", { title, kind: "current_state" })).json;
      const r = await owner.call("POST", `/api/journeys/${m.id}/commands`, {
        baseVersion: 1,
        commands: [
          { type: "addStage", id: "st", name: "Stage" },
          { type: "addLane", id: "lp", laneType: "pain_points" },
          { type: "addCard", id: "p1", laneId: "lp", stageId: "st", text },
        ],
      });
      expect(r.status).toBe(200);
      maps.push(m.id);
    }
  });

  it("suggests, links (editors only) and lists siblings; bad input is located", async () => {
    const [a, b] = maps.map((mapId) => ({ mapId, cardId: "p1" }));
    const all = await viewer.call("GET", "/api/portfolio/similar");
    expect(all.status).toBe(200);
    expect(all.json.threshold).toBe(0.25);
    expect(all.json.items).toHaveLength(2);
    const one = await viewer.call("GET", `/api/portfolio/similar?mapId=${a?.mapId}&cardId=p1`);
    expect(one.json.items[0].suggestions).toEqual([
      expect.objectContaining({
        mapId: b?.mapId,
        mapTitle: "Web shop",
        summary: "Waiting weeks for my refunds <b>to be processed</b>",
        shared: ["refund", "week"],
      }),
    ]);
    expect((await viewer.call("POST", "/api/portfolio/similar", { a, b, decision: "link" })).status).toBe(
      403,
    );
    const linked = await owner.call("POST", "/api/portfolio/similar", { a, b, decision: "link" });
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({ suggestions: [], siblings: [{ mapId: b?.mapId, cardId: "p1" }] });
    const half = await viewer.call("GET", `/api/portfolio/similar?mapId=${a?.mapId}`);
    expect(half.status).toBe(400);
    expect(half.json.error.details.problems[0].path).toBe("query.cardId");
    const bad = await owner.call("POST", "/api/portfolio/similar", { a, b, decision: "merge" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems[0].path).toBe("body.decision");
    const self = await owner.call("POST", "/api/portfolio/similar", { a, b: a, decision: "dismiss" });
    expect(self.json.error.details.problems[0].path).toBe("body.b.mapId");
  });
  it("a pain point of a map restricted away from the caller is never suggested, linked or listed as a sibling", async () => {
    await t.user("ed@a.test", [[A, "editor"]]);
    const ed = await t.login("ed@a.test");
    const [a, b] = maps.map((mapId) => ({ mapId, cardId: "p1" }));
    expect((await owner.call("POST", "/api/portfolio/similar", { a, b, decision: "link" })).status).toBe(200);
    const restrict = await owner.call("PUT", `/api/journeys/${b?.mapId}/access`, {
      restricted: true,
      userIds: [],
    });
    expect(restrict.status).toBe(200);
    const seen = await ed.call("GET", `/api/portfolio/similar?mapId=${a?.mapId}&cardId=p1`);
    expect(seen.status).toBe(200);
    expect(seen.json.items[0]).toMatchObject({ suggestions: [], siblings: [] });
    expect(JSON.stringify((await ed.call("GET", "/api/portfolio/similar")).json)).not.toContain(b?.mapId);
    const link = await ed.call("POST", "/api/portfolio/similar", { a, b, decision: "unlink" });
    expect(link.status).toBe(400);
    expect(link.json.error.details.problems[0].path).toBe("body.b.cardId");
    // The owner still sees both sides.
    const all = await owner.call("GET", `/api/portfolio/similar?mapId=${a?.mapId}&cardId=p1`);
    expect(all.json.items[0].siblings).toHaveLength(1);
  });
});
