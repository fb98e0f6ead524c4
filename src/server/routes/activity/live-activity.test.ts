import { afterEach, beforeEach, expect, it } from "vitest";
import { applyCommands, createMapDoc, MapCommandSchema } from "../../../domain/index.ts";
import type { ActivityEntry, ActivityPage } from "../../../services/activity/activity-service.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../../storage/workspaces.ts";
import { postgresAvailable } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { SESSION_COOKIE } from "../../accounts/session.ts";
import { connectPeer, type Peer, until } from "../../collab/peer.ts";
import { type CollabTestServer, startCollabTestServer } from "../../collab/test-server.ts";

const pgUp = await postgresAvailable();
const now = () => new Date().toISOString();
const later = () => new Date(Date.now() + 3600_000).toISOString();

/** Polls until `read` answers something `ok` accepts (or fails after `ms`). */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `live activity on ${dialect}`, () => {
    let s: CollabTestServer;
    const peers: Peer[] = [];
    beforeEach(async () => {
      s = await startCollabTestServer(dialect, { auth: "accounts" });
    });
    afterEach(async () => {
      for (const p of peers.splice(0)) p.destroy();
      await s.dispose();
    });

    const member = async (name: string) => {
      const store = s.t.store;
      const u = await store.accounts.createUser({ email: `${name}@a.test`, name, passwordHash: "x" }, now());
      await store.members.setRole(WS, u.id, "editor", now());
      const session = await store.accounts.startSession(u.id, now(), later());
      return { user: u, cookie: `${SESSION_COOKIE}=${session.id}` };
    };
    const call = async (cookie: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${s.server.url}${path}`, {
        method,
        headers: {
          cookie,
          origin: s.server.url,
          "x-wayline-workspace": WS,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: (await res.json()) as unknown };
    };

    it("attributes websocket edits to the connection's member, one entry per card for keystrokes, REST edits to the caller", async () => {
      // The first account owns the default workspace; Ana and Ben are editors there.
      await member("Owner");
      const ana = await member("Ana");
      const ben = await member("Ben");
      const doc = createMapDoc("Pizza", "current_state");
      applyCommands(doc, [
        { type: "addStage", id: "s1" as never, name: "Arrival" },
        { type: "addLane", id: "l1" as never, laneType: "text", name: "Notes" },
        { type: "addCard", id: "c1" as never, laneId: "l1" as never, stageId: "s1" as never, text: "Park" },
      ]);
      const mapId = (await s.t.store.journeys.insert(WS, doc)).map.id;
      const p = connectPeer(s.server.url, mapId, { headers: { cookie: ben.cookie, origin: s.server.url } });
      peers.push(p);
      await p.synced;
      const run = (c: unknown) => applyCommands(p.doc, [MapCommandSchema.parse(c)]);
      run({ type: "renameStage", id: "s1", name: "Finding the place" });
      for (const text of ["Park", "Parki", "Parkin", "Parking", "Parking is hard"])
        run({ type: "updateCard", id: "c1", text });
      const list = () =>
        call(ana.cookie, "GET", `/api/journeys/${mapId}/activity`).then((r) => r.json as ActivityPage);
      const page = await eventually(list, (v) => v.entries.length >= 2);
      const byKind = (k: string) => page.entries.filter((e: ActivityEntry) => e.kind === k);
      expect(byKind("stage.renamed")).toMatchObject([
        {
          summary: "renamed stage “Arrival” → “Finding the place”",
          actorName: "Ben",
          actorKey: `user:${ben.user.id}`,
        },
      ]);
      expect(byKind("card.edited")).toMatchObject([
        { summary: "edited card “Park” → “Parking is hard”", actorName: "Ben" },
      ]);

      // A REST edit while Ben's map is open is Ana's, and is not told again as Ben's.
      const r = await call(ana.cookie, "POST", `/api/journeys/${mapId}/commands`, {
        baseVersion: 1,
        commands: [{ type: "addStage", id: "s2", name: "Ordering" }],
      });
      expect(r.status).toBe(200);
      const after = await eventually(list, (v) => v.entries.some((e) => e.kind === "stage.added"));
      await new Promise((res) => setTimeout(res, 2500));
      const final = await list();
      expect(final.entries.filter((e) => e.kind === "stage.added")).toMatchObject([
        { summary: "added stage “Ordering”", actorName: "Ana" },
      ]);
      expect(final.entries).toHaveLength(after.entries.length);

      // Filters: by member and by kind.
      const bens = await call(
        ana.cookie,
        "GET",
        `/api/journeys/${mapId}/activity?member=user:${ben.user.id}`,
      );
      expect((bens.json as ActivityPage).entries.map((e) => e.kind).sort()).toEqual([
        "card.edited",
        "stage.renamed",
      ]);
      const stages = await call(ana.cookie, "GET", `/api/activity?kind=stage&map=${mapId}`);
      expect((stages.json as ActivityPage).entries.map((e) => e.kind).sort()).toEqual([
        "stage.added",
        "stage.renamed",
      ]);
    }, 60_000);

    it("tells live edits still pending when the server shuts down", async () => {
      await member("Owner");
      const ben = await member("Ben");
      const doc = createMapDoc("Pizza", "current_state");
      applyCommands(doc, [{ type: "addStage", id: "s1" as never, name: "Arrival" }]);
      const mapId = (await s.t.store.journeys.insert(WS, doc)).map.id;
      const p = connectPeer(s.server.url, mapId, { headers: { cookie: ben.cookie, origin: s.server.url } });
      peers.push(p);
      await p.synced;
      applyCommands(p.doc, [MapCommandSchema.parse({ type: "renameStage", id: "s1", name: "Door" })]);
      await until(() => p.isStored(), 10_000, "the rename stored");
      // Within the 2 s flush interval, with Ben still connected: only the shutdown tells it.
      await s.restart();
      const page = await s.t.store.activity.list(WS, { journeyId: mapId }, null, 10);
      expect(page.map((e) => e.summary)).toEqual(["renamed stage “Arrival” → “Door”"]);
    }, 60_000);

    it("attributes interleaved live edits of two members within one flush to each of them", async () => {
      await member("Owner");
      const ana = await member("Ana");
      const ben = await member("Ben");
      const doc = createMapDoc("Pizza", "current_state");
      applyCommands(doc, [
        { type: "addStage", id: "s1" as never, name: "Arrival" },
        { type: "addLane", id: "l1" as never, laneType: "text", name: "Notes" },
        { type: "addCard", id: "c1" as never, laneId: "l1" as never, stageId: "s1" as never, text: "Park" },
        { type: "addCard", id: "c2" as never, laneId: "l1" as never, stageId: "s1" as never, text: "Wait" },
      ]);
      const mapId = (await s.t.store.journeys.insert(WS, doc)).map.id;
      const connect = async (cookie: string) => {
        const p = connectPeer(s.server.url, mapId, { headers: { cookie, origin: s.server.url } });
        peers.push(p);
        await p.synced;
        return (c: unknown) => applyCommands(p.doc, [MapCommandSchema.parse(c)]);
      };
      const byAna = await connect(ana.cookie);
      const byBen = await connect(ben.cookie);
      for (const [i, w] of ["P", "Pa", "Par", "Park!"].entries()) {
        byAna({ type: "updateCard", id: "c1", text: w });
        byBen({ type: "updateCard", id: "c2", text: `Wait ${"!".repeat(i + 1)}` });
      }
      byBen({ type: "renameStage", id: "s1", name: "Finding the place" });
      const list = () =>
        call(ana.cookie, "GET", `/api/journeys/${mapId}/activity`).then((r) => r.json as ActivityPage);
      const page = await eventually(list, (v) => v.entries.length >= 3);
      expect(page.entries.map((e) => `${e.actorName}: ${e.summary}`).sort()).toEqual([
        "Ana: edited card “Park” → “Park!”",
        "Ben: edited card “Wait” → “Wait !!!!”",
        "Ben: renamed stage “Arrival” → “Finding the place”",
      ]);
    }, 60_000);
  });
