import { afterEach, beforeEach, expect, it } from "vitest";
import type * as Y from "yjs";
import { applyCommands, createMapDoc, fromYDoc } from "../../domain/index.ts";
import { atLeast, ROLES, type Role } from "../../domain/roles.ts";
import { DEFAULT_WORKSPACE_ID } from "../../storage/workspaces.ts";
import { postgresAvailable } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { PERMISSIONS } from "../access/permissions.ts";
import { SESSION_COOKIE } from "../accounts/session.ts";
import { connectPeer, type Peer, until } from "./peer.ts";
import { type CollabTestServer, startCollabTestServer } from "./test-server.ts";

const pgUp = await postgresAvailable();
const now = () => new Date().toISOString();
const later = () => new Date(Date.now() + 3600_000).toISOString();

/** What a connection ends as: synced (read-only or not), or refused with the server's reason. */
type Outcome = { synced: true; peer: Peer } | { synced: false; reason: string; peer: Peer };

async function outcomeOf(p: Peer): Promise<Outcome> {
  try {
    await p.synced;
    return { synced: true, peer: p };
  } catch (e) {
    return { synced: false, reason: (e as Error).message, peer: p };
  }
}

/** Yjs clients whose content the peer received: none means no byte of the map reached it. */
const contentClients = (doc: Y.Doc) => doc.store.clients.size;

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `live maps of every workspace in accounts mode on ${dialect}`,
    () => {
      let s: CollabTestServer;
      const peers: Peer[] = [];
      beforeEach(async () => {
        s = await startCollabTestServer(dialect, { auth: "accounts" });
      });
      afterEach(async () => {
        for (const p of peers.splice(0)) p.destroy();
        await s.dispose();
      });

      /** A user with `role` in each listed workspace and a live session cookie. */
      const member = async (email: string, roles: [string, Role][]) => {
        const store = s.t.store;
        const u = await store.accounts.createUser({ email, name: email, passwordHash: "x" }, now());
        for (const [ws, role] of roles) await store.members.setRole(ws, u.id, role, now());
        const session = await store.accounts.startSession(u.id, now(), later());
        return { user: u, cookie: `${SESSION_COOKIE}=${session.id}` };
      };
      const connect = (mapId: string, headers: Record<string, string>) => {
        const p = connectPeer(s.server.url, mapId, { headers });
        peers.push(p);
        return outcomeOf(p);
      };
      /** A map stored in workspace `ws` with one card. */
      const mapIn = async (ws: string) => {
        const doc = createMapDoc(`Map of ${ws}`, "current_state");
        applyCommands(doc, [
          { type: "addStage", id: "s1" as never, name: "Aware" },
          { type: "addLane", id: "l1" as never, laneType: "text", name: "Notes" },
          {
            type: "addCard",
            id: "c1" as never,
            laneId: "l1" as never,
            stageId: "s1" as never,
            text: "hello",
          },
        ]);
        return (await s.t.store.journeys.insert(ws, doc)).map.id;
      };

      it("every role of the map's workspace gets what the permission table says; outsiders get no byte", async () => {
        const origin = s.server.url;
        // The first account owns the default workspace (the upgrade rule): that is the outsider.
        const outsider = await member("out@a.test", [[DEFAULT_WORKSPACE_ID, "owner"]]);
        const owner = await member("owner@b.test", []);
        const b = await s.t.store.members.createWorkspace("B", owner.user.id, now());
        const mapB = await mapIn(b.id);
        const mapA = await mapIn(DEFAULT_WORKSPACE_ID);
        // Members of B by role, an owner of the default workspace who is not in B, and B's owner.
        const byRole: Partial<Record<Role, string>> = { owner: owner.cookie };
        for (const role of ROLES)
          if (role !== "owner") byRole[role] = (await member(`${role}@b.test`, [[b.id, role]])).cookie;

        for (const role of ROLES) {
          const got = await connect(mapB, { cookie: byRole[role] as string, origin });
          expect(got.synced, `${role} connects to B's map`).toBe(true);
          expect(fromYDoc(got.peer.doc).title).toBe(`Map of ${b.id}`);
          // Each role writes a card text of its own; only roles with map.edit may land it.
          applyCommands(got.peer.doc, [{ type: "updateCard", id: "c1" as never, text: `by ${role}` }]);
          const canEdit = atLeast(role, PERMISSIONS["map.edit"]);
          if (canEdit) {
            await until(() => got.peer.isStored(), 15_000, `${role}'s edit stored`);
            const row = await s.t.store.journeys.get(b.id, mapB);
            expect(row?.map.cards[0]?.text, `${role} may edit`).toBe(`by ${role}`);
          } else {
            // A read-only connection's update is refused by the server: the row keeps the last editor's text.
            await new Promise((r) => setTimeout(r, 300));
            const row = await s.t.store.journeys.get(b.id, mapB);
            expect(row?.map.cards[0]?.text, `${role} may not edit`).not.toBe(`by ${role}`);
          }
        }

        const refusals: [string, string, Record<string, string>][] = [
          ["a member of another workspace", mapB, { cookie: outsider.cookie, origin }],
          ["no session", mapB, { origin }],
          ["a forged session", mapB, { cookie: `${SESSION_COOKIE}=wls_forged`, origin }],
          ["another origin", mapB, { cookie: owner.cookie, origin: "http://evil.test" }],
          ["B's owner on the default workspace's map", mapA, { cookie: owner.cookie, origin }],
          ["a map that does not exist", "no-such-map", { cookie: owner.cookie, origin }],
        ];
        for (const [who, map, headers] of refusals) {
          const got = await connect(map, headers);
          expect(got.synced, `${who} is refused`).toBe(false);
          expect(contentClients(got.peer.doc), `${who} received map content`).toBe(0);
        }
        // The outsider's and the missing map's refusals read alike: nothing tells that B's map exists.
        const out = (await connect(mapB, { cookie: outsider.cookie, origin })) as { reason: string };
        const none = (await connect("no-such-map", { cookie: outsider.cookie, origin })) as {
          reason: string;
        };
        expect(out.reason.replace(mapB, "ID")).toBe(none.reason.replace("no-such-map", "ID"));
      }, 60_000);

      it("a REST edit of a live map in another workspace reaches its editors, and stores there", async () => {
        const origin = s.server.url;
        await member("first@a.test", []);
        const owner = await member("owner@c.test", []);
        const c = await s.t.store.members.createWorkspace("C", owner.user.id, now());
        const mapC = await mapIn(c.id);
        const got = await connect(mapC, { cookie: owner.cookie, origin });
        expect(got.synced).toBe(true);
        const stored = await s.t.store.journeys.get(c.id, mapC);
        const res = await fetch(`${s.server.url}/api/journeys/${mapC}/commands`, {
          method: "POST",
          headers: {
            cookie: owner.cookie,
            origin,
            "content-type": "application/json",
            "x-wayline-workspace": c.id,
          },
          body: JSON.stringify({
            baseVersion: stored?.version,
            commands: [{ type: "updateCard", id: "c1", text: "from REST" }],
          }),
        });
        expect(res.status, await res.clone().text()).toBe(200);
        const text = () => fromYDoc(got.peer.doc).cards[0]?.text;
        await until(() => text() === "from REST", 5000, "the REST edit reaches the live map");
        // The same id named from the default workspace is not found.
        expect(await s.server.collab.edit(DEFAULT_WORKSPACE_ID, mapC, async () => ({}) as never)).toBeNull();
      }, 30_000);
    },
  );
