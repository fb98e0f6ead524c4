import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { shareCollabToken } from "../../contract/share.ts";
import { applyCommands, roots } from "../../domain/index.ts";
import type { ShareAccess } from "../../domain/share.ts";
import { connectPeer, type Peer, until } from "../collab/peer.ts";
import { apiCall, type CollabTestServer, startCollabTestServer } from "../collab/test-server.ts";

const cardText = (doc: Y.Doc, id: string) => String(roots(doc).cards.get(id)?.get("text") ?? "");

describe("share links on the collaboration websocket", () => {
  let s: CollabTestServer;
  const peers: Peer[] = [];
  let editor: string;
  beforeEach(async () => {
    s = await startCollabTestServer("sqlite", { auth: "token" });
    editor = await s.t.store.tokens.create("ed", "editor", new Date().toISOString());
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.destroy();
    await s.dispose();
  });

  const seed = async (title = "Live") => {
    const made = await apiCall(
      s.server.url,
      "POST",
      "/api/journeys",
      { title, kind: "current_state" },
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
          { type: "addStage", id: "s1", name: "Aware" },
          { type: "addLane", id: "l1", laneType: "text", name: "Notes" },
          { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "hello" },
        ],
      },
      editor,
    );
    return id;
  };
  const link = async (mapId: string, access: ShareAccess) =>
    (
      await s.t.store.shareLinks.create(
        { workspaceId: "default", mapId, access, passwordHash: null, createdBy: "ed", expiresAt: null },
        new Date().toISOString(),
      )
    ).token;

  it("a view link follows live edits and its crafted updates are refused", async () => {
    const id = await seed();
    const e = connectPeer(s.server.url, id, { token: editor });
    const g = connectPeer(s.server.url, id, {
      token: shareCollabToken({ token: await link(id, "view"), guest: "Dana" }),
    });
    peers.push(e, g);
    await Promise.all([e.synced, g.synced]);
    applyCommands(e.doc, [{ type: "updateCard", id: "c1" as never, text: "by the owner" }]);
    await until(() => cardText(g.doc, "c1") === "by the owner", 3000, "guest sees the edit");
    const text = roots(g.doc).cards.get("c1")?.get("text") as Y.Text;
    text.insert(0, "HACK ");
    await until(() => g.provider.unsyncedChanges > 0, 1000, "guest's update sent");
    await new Promise((r) => setTimeout(r, 300));
    applyCommands(e.doc, [{ type: "renameLane", id: "l1" as never, name: "After" }]);
    await until(() => e.isStored(), 3000, "editor stored");
    expect((await s.t.store.journeys.get("default", id))?.map.cards[0]?.text).toBe("by the owner");
  });

  it("an edit link edits live; a link of another map or a revoked link gets no byte", async () => {
    const id = await seed();
    const other = await seed("Other");
    const e = connectPeer(s.server.url, id, { token: editor });
    const g = connectPeer(s.server.url, id, { token: shareCollabToken({ token: await link(id, "edit") }) });
    peers.push(e, g);
    await Promise.all([e.synced, g.synced]);
    applyCommands(g.doc, [{ type: "updateCard", id: "c1" as never, text: "by the guest" }]);
    await until(() => cardText(e.doc, "c1") === "by the guest", 3000, "owner sees the guest's edit");
    await until(() => g.isStored(), 3000, "guest's edit stored");
    const foreign = connectPeer(s.server.url, id, {
      token: shareCollabToken({ token: await link(other, "edit") }),
    });
    const revokedToken = await link(id, "edit");
    const [row] = await s.t.store.shareLinks.listForMap("default", id);
    await s.t.store.shareLinks.revoke("default", id, row?.id ?? "", new Date().toISOString());
    const revoked = connectPeer(s.server.url, id, { token: shareCollabToken({ token: revokedToken }) });
    peers.push(foreign, revoked);
    await expect(foreign.synced).rejects.toThrow();
    await expect(revoked.synced).rejects.toThrow();
    expect(roots(foreign.doc).cards.size).toBe(0);
    expect(roots(revoked.doc).cards.size).toBe(0);
  });
});
