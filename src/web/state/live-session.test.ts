import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { MapView } from "../../contract/journeys.ts";
import { until } from "../../server/collab/peer.ts";
import { apiCall, type CollabTestServer, startCollabTestServer } from "../../server/collab/test-server.ts";
import { LiveMapSession } from "./live-session.ts";

// Node 20 has no WebSocket of its own; the provider uses the global one, as in the browser.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

let srv: CollabTestServer;
beforeEach(async () => {
  srv = await startCollabTestServer("sqlite");
});
afterEach(async () => {
  await srv.dispose();
});

const wsUrl = () => `${srv.server.url.replace(/^http/, "ws")}/collab`;
const connections = (id: string) =>
  srv.server.collab.hocuspocus.documents.get(id)?.getConnectionsCount() ?? 0;

async function seeded(): Promise<MapView> {
  const made = await apiCall(srv.server.url, "POST", "/api/journeys", { templateId: "pizza-restaurant" });
  const id = made.json.id as string;
  return (await apiCall(srv.server.url, "GET", `/api/journeys/${id}`)).json as unknown as MapView;
}

describe("opening a live map", () => {
  it("loads the document over the live connection while the REST view is still on its way", async () => {
    const view = await seeded();
    let release: (v: MapView) => void = () => {};
    const late = new Promise<MapView>((r) => {
      release = r;
    });
    const opening = LiveMapSession.openById(view.id, late, { url: wsUrl(), token: "", offline: false });
    // Connected (and syncing) before the view arrived.
    await until(() => connections(view.id) === 1, 5000, "a live connection before the REST view");
    release(view);
    const s = await opening;
    try {
      const { map } = s.store.getState();
      expect(map.cards.map((c) => c.id)).toEqual(view.cards.map((c) => c.id));
      expect(map.title).toBe(view.title);
      // The server's first `stored` notice came before the session listened: it is not lost.
      await until(() => s.store.getState().save === "saved", 5000, "saved");
      expect(s.serverVersion).toBe(view.version);
    } finally {
      s.dispose();
    }
  });

  it("closes the connection and rejects when the REST view is refused", async () => {
    const view = await seeded();
    // The refusal comes once the live connection is up (as a 404 takes a round trip).
    const refused = until(() => connections(view.id) === 1, 5000, "connected").then(() => {
      throw new Error("not found");
    });
    const opening = LiveMapSession.openById(view.id, refused, { url: wsUrl(), token: "", offline: false });
    await expect(opening).rejects.toThrow("not found");
    await until(() => connections(view.id) === 0, 5000, "the connection closed");
  });
});
