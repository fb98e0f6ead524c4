import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { SHARE_HEADER, shareCollabToken } from "../../../contract/share.ts";
import { roots } from "../../../domain/index.ts";
import { connectPeer, type Peer, until } from "../../collab/peer.ts";
import { apiCall, type CollabTestServer, startCollabTestServer } from "../../collab/test-server.ts";

/**
 * Workshop state never travels over the websocket: a viewer's or a comment-link guest's crafted
 * document updates (votes on a card, a card in the parking lot) and stateless messages change
 * nothing, while the same guest's vote through the permission-checked route counts.
 */
describe("workshop writes on the collaboration websocket", () => {
  let s: CollabTestServer;
  const peers: Peer[] = [];
  let editor: string;
  let viewer: string;
  beforeEach(async () => {
    s = await startCollabTestServer("sqlite", { auth: "token" });
    const now = new Date().toISOString();
    editor = await s.t.store.tokens.create("ed", "editor", now);
    viewer = await s.t.store.tokens.create("vi", "viewer", now);
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.destroy();
    await s.dispose();
  });

  it("crafted updates and stateless messages from a viewer and a comment guest are refused", async () => {
    const made = await apiCall(
      s.server.url,
      "POST",
      "/api/journeys",
      { title: "W", kind: "current_state" },
      editor,
    );
    const id = made.json.id as string;
    await apiCall(
      s.server.url,
      "POST",
      `/api/journeys/${id}/commands`,
      {
        baseVersion: made.json.version,
        commands: [
          { type: "addStage", id: "s1", name: "Pay" },
          { type: "addLane", id: "lp", laneType: "pain_points" },
          { type: "addCard", id: "p1", laneId: "lp", stageId: "s1", text: "Hidden fees" },
        ],
      },
      editor,
    );
    await apiCall(s.server.url, "POST", `/api/journeys/${id}/workshop`, {}, editor);
    await apiCall(s.server.url, "POST", `/api/journeys/${id}/workshop/voting`, { votesPerPerson: 3 }, editor);
    const token = (
      await s.t.store.shareLinks.create(
        {
          workspaceId: "default",
          mapId: id,
          access: "comment",
          passwordHash: null,
          createdBy: "ed",
          expiresAt: null,
        },
        new Date().toISOString(),
      )
    ).token;
    const v = connectPeer(s.server.url, id, { token: viewer });
    const g = connectPeer(s.server.url, id, { token: shareCollabToken({ token, guest: "Dana" }) });
    const e = connectPeer(s.server.url, id, { token: editor });
    peers.push(v, g, e);
    await Promise.all([v.synced, g.synced, e.synced]);
    for (const p of [v, g]) {
      const card = roots(p.doc).cards.get("p1") as Y.Map<unknown>;
      (card.get("fields") as Y.Map<unknown>).set("votes", 99);
      roots(p.doc).lanes.get("lp")?.set("name", "Parking lot");
      p.provider.sendStateless(JSON.stringify({ type: "workshop.vote", cardId: "p1", delta: 1 }));
      p.provider.sendStateless(JSON.stringify({ type: "workshop.reveal" }));
    }
    await until(() => v.provider.unsyncedChanges > 0 && g.provider.unsyncedChanges > 0, 1000, "updates sent");
    await new Promise((r) => setTimeout(r, 300));
    const stored = await s.t.store.journeys.get("default", id);
    expect(stored?.map.cards[0]?.fields).toMatchObject({ votes: 0 });
    expect(stored?.map.lanes.map((l) => l.name)).toEqual(["Pain points"]);
    const live = roots(e.doc).cards.get("p1")?.get("fields") as Y.Map<unknown> | undefined;
    expect(live?.get("votes")).toBe(0);
    const session = await apiCall(s.server.url, "GET", `/api/journeys/${id}/workshop`, undefined, editor);
    expect(session.json).toMatchObject({ session: { vote: { voters: 0, status: "open" } } });

    // The guest's vote through the route counts (the table lets a comment link vote).
    const res = await fetch(`${s.server.url}/api/journeys/${id}/workshop/votes`, {
      method: "POST",
      headers: { "content-type": "application/json", [SHARE_HEADER]: token },
      body: JSON.stringify({ cardId: "p1", delta: 1 }),
    });
    expect(res.status).toBe(200);
    const after = await apiCall(s.server.url, "GET", `/api/journeys/${id}/workshop`, undefined, editor);
    expect(after.json).toMatchObject({ session: { vote: { voters: 1 } } });
  });
});
