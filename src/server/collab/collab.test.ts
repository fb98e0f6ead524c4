import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type * as Y from "yjs";
import { applyCommands, fromYDoc, roots, yMapOf } from "../../domain/index.ts";
import { postgresAvailable } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { connectPeer, type Peer, until } from "./peer.ts";
import { apiCall, type CollabTestServer, startCollabTestServer } from "./test-server.ts";

const pgUp = await postgresAvailable();

/** A map made through the API, with one stage, one text lane and one card. */
async function seedMap(
  base: string,
  token?: string,
): Promise<{ id: string; cardId: string; stageId: string }> {
  const created = await apiCall(
    base,
    "POST",
    "/api/journeys",
    { title: "Live", kind: "current_state" },
    token,
  );
  const id = created.json.id as string;
  const r = await apiCall(
    base,
    "POST",
    `/api/journeys/${id}/commands`,
    {
      baseVersion: created.json.version,
      commands: [
        { type: "addStage", id: "s1", name: "Aware" },
        { type: "addLane", id: "l1", laneType: "text", name: "Notes" },
        { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "hello" },
      ],
    },
    token,
  );
  if (r.status !== 200) throw new Error(JSON.stringify(r.json));
  return { id, cardId: "c1", stageId: "s1" };
}

const cardText = (doc: Y.Doc, id: string) =>
  ((roots(doc).cards.get(id)?.get("text") as Y.Text | undefined)?.toString() ?? null) as string | null;

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `live maps on ${dialect}`, () => {
    let s: CollabTestServer;
    const peers: Peer[] = [];
    const peer = (id: string, token?: string) => {
      const p = connectPeer(s.server.url, id, token ? { token } : {});
      peers.push(p);
      return p;
    };
    beforeEach(async () => {
      s = await startCollabTestServer(dialect);
    });
    afterEach(async () => {
      for (const p of peers.splice(0)) p.destroy();
      await s.dispose();
    });

    it("an edit in one editor reaches the other and is stored, and the editor learns it is stored", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      const a = peer(id);
      const b = peer(id);
      await Promise.all([a.synced, b.synced]);
      expect(cardText(b.doc, cardId)).toBe("hello");
      await until(() => a.isStored(), 3000, "A knows the loaded state is stored");
      applyCommands(a.doc, [{ type: "updateCard", id: cardId as never, text: "hello world" }]);
      expect(a.isStored()).toBe(false);
      await until(() => cardText(b.doc, cardId) === "hello world", 3000, "B sees A's edit");
      await until(() => a.isStored(), 3000, "A's edit stored");
      const row = await s.t.store.journeys.get("default", id);
      expect(row?.map.cards[0]?.text).toBe("hello world");
      expect(a.stored?.version).toBe(row?.version);
    });

    it("concurrent typing in one card keeps both edits", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      const a = peer(id);
      const b = peer(id);
      await Promise.all([a.synced, b.synced]);
      await a.goOffline();
      applyCommands(a.doc, [{ type: "updateCard", id: cardId as never, text: "A: hello" }]);
      applyCommands(b.doc, [{ type: "updateCard", id: cardId as never, text: "hello :B" }]);
      a.goOnline();
      await until(
        () => cardText(a.doc, cardId) === cardText(b.doc, cardId),
        3000,
        `convergence (${cardText(a.doc, cardId)} / ${cardText(b.doc, cardId)}, ${a.closes})`,
      );
      expect(cardText(a.doc, cardId)).toBe("A: hello :B");
      await until(() => a.isStored() && b.isStored(), 3000, "both stored");
      expect((await s.t.store.journeys.get("default", id))?.map.cards[0]?.text).toBe("A: hello :B");
    });

    it("a REST command lands in the live map at once; a stale baseVersion on a live-edited card is a conflict", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      const a = peer(id);
      await a.synced;
      const before = await apiCall(s.server.url, "GET", `/api/journeys/${id}`);
      const base = before.json.version as number;
      const r = await apiCall(s.server.url, "POST", `/api/journeys/${id}/commands`, {
        baseVersion: base,
        commands: [{ type: "renameStage", id: "s1", name: "Discover" }],
      });
      expect(r.status).toBe(200);
      expect(r.json.version).toBe(base + 1);
      await until(() => fromYDoc(a.doc).stages[0]?.name === "Discover", 2000, "REST edit in the editor");
      applyCommands(a.doc, [{ type: "updateCard", id: cardId as never, text: "typed live" }]);
      await until(() => a.isStored(), 3000, "live edit stored");
      const stale = await apiCall(s.server.url, "POST", `/api/journeys/${id}/commands`, {
        baseVersion: base + 1,
        commands: [{ type: "updateCard", id: cardId, text: "from a stale REST client" }],
      });
      expect(stale.status).toBe(409);
      const fine = await apiCall(s.server.url, "POST", `/api/journeys/${id}/commands`, {
        baseVersion: base + 1,
        commands: [{ type: "renameLane", id: "l1", name: "Thoughts" }],
      });
      expect(fine.status).toBe(200);
      await until(() => fromYDoc(a.doc).lanes[0]?.name === "Thoughts", 2000, "second REST edit");
      expect(cardText(a.doc, cardId)).toBe("typed live");
    });

    it("rejects an update whose map would be invalid: nothing applied, the sender is closed, others unaffected", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      const a = peer(id);
      const b = peer(id);
      await Promise.all([a.synced, b.synced]);
      // A crafted update: the map title becomes a number.
      roots(a.doc).meta.set("title", 42);
      await until(() => a.closes.some((r) => r.startsWith("update_rejected")), 3000, "rejection");
      applyCommands(b.doc, [{ type: "updateCard", id: cardId as never, text: "still fine" }]);
      await until(() => b.isStored(), 3000, "B stored");
      const row = await s.t.store.journeys.get("default", id);
      expect(row?.map.title).toBe("Live");
      expect(row?.map.cards[0]?.text).toBe("still fine");
      expect(roots(b.doc).meta.get("title")).toBe("Live");
    });

    it("checks sub-journey links made over the websocket like REST commands: a cycle is refused", async () => {
      const parent = await seedMap(s.server.url);
      const child = await seedMap(s.server.url);
      const linked = await apiCall(s.server.url, "POST", `/api/journeys/${parent.id}/commands`, {
        baseVersion: 2,
        commands: [{ type: "linkSubJourney", stageId: "s1", mapId: child.id }],
      });
      expect(linked.status).toBe(200);
      const a = peer(child.id);
      await a.synced;
      applyCommands(a.doc, [{ type: "linkSubJourney", stageId: "s1" as never, mapId: parent.id as never }]);
      await until(() => a.closes.some((r) => r.startsWith("update_rejected")), 3000, "rejection");
      expect(a.closes.find((r) => r.startsWith("update_rejected"))).toContain("would make a cycle");
      const row = await s.t.store.journeys.get("default", child.id);
      expect(row?.map.stages[0]?.subJourneyIds).toEqual([]);
      // A link that closes no cycle is fine over the websocket too.
      const other = await seedMap(s.server.url);
      const b = peer(child.id);
      await b.synced;
      applyCommands(b.doc, [{ type: "linkSubJourney", stageId: "s1" as never, mapId: other.id as never }]);
      await until(() => b.isStored(), 3000, "B stored");
      expect((await s.t.store.journeys.get("default", child.id))?.map.stages[0]?.subJourneyIds).toEqual([
        other.id,
      ]);
    });

    it("rejects a card text over the limit", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      const a = peer(id);
      await a.synced;
      const text = roots(a.doc).cards.get(cardId)?.get("text") as Y.Text;
      text.insert(0, "x".repeat(10_001));
      await until(() => a.closes.some((r) => r.startsWith("update_rejected")), 3000, "rejection");
      const row = await s.t.store.journeys.get("default", id);
      expect(row?.map.cards[0]?.text).toBe("hello");
    });

    it("rejects more cards than a map may hold (orphans included)", async () => {
      const { id } = await seedMap(s.server.url);
      const a = peer(id);
      await a.synced;
      a.doc.transact(() => {
        for (let i = 0; i < 5000; i++)
          roots(a.doc).cards.set(`x${i}`, yMapOf({ laneId: "gone", stageId: "gone", order: "a0" }));
      });
      await until(() => a.closes.some((r) => r.startsWith("update_rejected")), 5000, "rejection");
      const row = await s.t.store.journeys.get("default", id);
      expect(row?.map.cards).toHaveLength(1);
    });

    it("refuses a cross-site websocket in local mode before any byte of the map", async () => {
      const { id } = await seedMap(s.server.url);
      const ws = new WebSocket(`${s.server.url.replace("http", "ws")}/collab`, {
        headers: { origin: "https://evil.example" },
      });
      const status = await new Promise<number>((resolve) => {
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => resolve(101));
      });
      expect(status).toBe(403);
      expect(s.server.collab.isOpen(id)).toBe(false);
    });

    it("takes an automatic version with its authors while people edit; a restore reaches the editor live", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      const a = peer(id);
      a.provider.setAwarenessField("user", { name: "Ana", color: "#1971c2" });
      await a.synced;
      applyCommands(a.doc, [{ type: "updateCard", id: cardId as never, text: "first draft" }]);
      await until(() => a.isStored(), 3000, "stored");
      const list = await apiCall(s.server.url, "GET", `/api/journeys/${id}/versions`);
      const versions = list.json as unknown as { id: string; kind: string; authors: string[] }[];
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ kind: "auto", authors: ["Ana"] });
      applyCommands(a.doc, [{ type: "updateCard", id: cardId as never, text: "second draft" }]);
      await until(() => a.isStored(), 3000, "stored again");
      // Within ten minutes of the first: no second automatic version.
      expect((await apiCall(s.server.url, "GET", `/api/journeys/${id}/versions`)).json).toHaveLength(1);
      const r = await apiCall(
        s.server.url,
        "POST",
        `/api/journeys/${id}/versions/${versions[0]?.id}/restore`,
        {},
      );
      expect(r.status).toBe(200);
      await until(() => cardText(a.doc, cardId) === "first draft", 3000, "restore in the editor");
    });

    it("stores at once when the last editor leaves", async () => {
      const { id, cardId } = await seedMap(s.server.url);
      s.server.collab.hocuspocus.configuration.debounce = 60_000;
      s.server.collab.hocuspocus.configuration.maxDebounce = 60_000;
      const a = peer(id);
      await a.synced;
      applyCommands(a.doc, [{ type: "updateCard", id: cardId as never, text: "bye" }]);
      await until(() => a.provider.unsyncedChanges === 0, 2000, "ack");
      expect((await s.t.store.journeys.get("default", id))?.map.cards[0]?.text).toBe("hello");
      a.destroy();
      await until(() => !s.server.collab.isOpen(id), 3000, "unload");
      expect((await s.t.store.journeys.get("default", id))?.map.cards[0]?.text).toBe("bye");
    });
  });
}

describe("live maps in token mode", () => {
  let s: CollabTestServer;
  const peers: Peer[] = [];
  beforeEach(async () => {
    s = await startCollabTestServer("sqlite", { auth: "token" });
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.destroy();
    await s.dispose();
  });

  it("a viewer sees edits live and cannot change anything, even with crafted updates", async () => {
    const now = new Date().toISOString();
    const editor = await s.t.store.tokens.create("ed", "editor", now);
    const viewer = await s.t.store.tokens.create("vi", "viewer", now);
    const { id, cardId } = await seedMap(s.server.url, editor);
    const e = connectPeer(s.server.url, id, { token: editor });
    const v = connectPeer(s.server.url, id, { token: viewer });
    peers.push(e, v);
    await Promise.all([e.synced, v.synced]);
    applyCommands(e.doc, [{ type: "updateCard", id: cardId as never, text: "by the editor" }]);
    await until(() => cardText(v.doc, cardId) === "by the editor", 3000, "viewer sees the edit");
    // Crafted: a raw Yjs change sent by the viewer's provider.
    const text = roots(v.doc).cards.get(cardId)?.get("text") as Y.Text;
    text.insert(0, "HACK ");
    roots(v.doc).stages.delete("s1");
    await until(() => v.provider.unsyncedChanges > 0, 1000, "viewer's update sent");
    await new Promise((r) => setTimeout(r, 300));
    applyCommands(e.doc, [{ type: "renameLane", id: "l1" as never, name: "After" }]);
    await until(() => e.isStored(), 3000, "editor stored");
    const row = await s.t.store.journeys.get("default", id);
    expect(row?.map.cards[0]?.text).toBe("by the editor");
    expect(row?.map.stages).toHaveLength(1);
    expect(cardText(e.doc, cardId)).toBe("by the editor");
  });

  it("a connection without a valid token gets no byte of the map", async () => {
    const now = new Date().toISOString();
    const editor = await s.t.store.tokens.create("ed", "editor", now);
    const { id } = await seedMap(s.server.url, editor);
    const bad = connectPeer(s.server.url, id, { token: "nope" });
    peers.push(bad);
    await expect(bad.synced).rejects.toThrow();
    expect(roots(bad.doc).cards.size).toBe(0);
    expect(roots(bad.doc).meta.size).toBe(0);
  });
});
