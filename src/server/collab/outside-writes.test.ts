import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, expect, it } from "vitest";
import type * as Y from "yjs";
import { applyCommands, roots } from "../../domain/index.ts";
import { rowWriter } from "../../services/map-writer.ts";
import { openStore } from "../../storage/store.ts";
import { postgresAvailable } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { serveStore } from "../serve.ts";
import { connectPeer, type Peer, until } from "./peer.ts";
import { apiCall, startCollabTestServer } from "./test-server.ts";

const pgUp = await postgresAvailable();
const run = promisify(execFile);

const cardText = (doc: Y.Doc, id: string) =>
  (roots(doc).cards.get(id)?.get("text") as Y.Text | undefined)?.toString() ?? null;

/** A map with one card c1 "hello", made through the API. */
async function seedMap(base: string): Promise<string> {
  const created = await apiCall(base, "POST", "/api/journeys", { title: "Live", kind: "current_state" });
  const id = created.json.id as string;
  const r = await apiCall(base, "POST", `/api/journeys/${id}/commands`, {
    baseVersion: created.json.version,
    commands: [
      { type: "addStage", id: "s1", name: "Aware" },
      { type: "addLane", id: "l1", laneType: "text", name: "Notes" },
      { type: "addCard", id: "c1", laneId: "l1", stageId: "s1", text: "hello" },
    ],
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.json));
  return id;
}

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanUps.splice(0).reverse()) await f();
});

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `live maps and other writers on ${dialect}`,
    () => {
      it("GET /api/journeys/:id answers the live map, also before the edit is stored", async () => {
        const s = await startCollabTestServer(dialect, { debounceMs: 60_000 });
        cleanUps.push(() => s.dispose());
        const id = await seedMap(s.server.url);
        const a = connectPeer(s.server.url, id);
        cleanUps.push(async () => a.destroy());
        await a.synced;
        const before = (await apiCall(s.server.url, "GET", `/api/journeys/${id}`)).json;
        applyCommands(a.doc, [{ type: "updateCard", id: "c1" as never, text: "typed live" }]);
        await until(() => a.provider.unsyncedChanges === 0, 5000, "the server has the edit");
        const got = (await apiCall(s.server.url, "GET", `/api/journeys/${id}`)).json as {
          version: number;
          cards: { text: string }[];
        };
        expect(got.cards[0]?.text).toBe("typed live");
        // Not stored yet: the row still says "hello", and the version is the stored one.
        expect((await s.t.store.journeys.get("default", id))?.map.cards[0]?.text).toBe("hello");
        expect(got.version).toBe(before.version);
      });

      it("a write in the rows by another process reaches open editors, which learn it is stored", async () => {
        const s = await startCollabTestServer(dialect);
        cleanUps.push(() => s.dispose());
        const id = await seedMap(s.server.url);
        const a = connectPeer(s.server.url, id);
        cleanUps.push(async () => a.destroy());
        await a.synced;
        // Another process: its own connection to the same database, writing the row directly.
        const other = await s.t.reopen();
        const out = await rowWriter(other).edit("default", id, async (doc) => {
          applyCommands(doc, [{ type: "updateCard", id: "c1" as never, text: "from elsewhere" }]);
          return { change: { reads: [], writes: ["card:c1:text"] }, result: null };
        });
        await until(() => cardText(a.doc, "c1") === "from elsewhere", 5000, "the other write is live");
        await until(() => a.isStored() && a.stored?.version === out?.stored.version, 5000, "stored notice");
      });

      it("a store that races another process's write of the row keeps both (the row is merged, not overwritten)", async () => {
        // No row poll: the live map learns of the other write only when its own store finds the row newer.
        const poll = process.env.WAYLINE_COLLAB_ROW_POLL_MS;
        process.env.WAYLINE_COLLAB_ROW_POLL_MS = "0";
        const s = await startCollabTestServer(dialect, { debounceMs: 1000 }).finally(() => {
          if (poll === undefined) delete process.env.WAYLINE_COLLAB_ROW_POLL_MS;
          else process.env.WAYLINE_COLLAB_ROW_POLL_MS = poll;
        });
        cleanUps.push(() => s.dispose());
        const id = await seedMap(s.server.url);
        const a = connectPeer(s.server.url, id);
        cleanUps.push(async () => a.destroy());
        await a.synced;
        applyCommands(a.doc, [{ type: "updateCard", id: "c1" as never, text: "typed live" }]);
        await until(() => a.provider.unsyncedChanges === 0, 5000, "the server has the edit");
        const other = await s.t.reopen();
        const out = await rowWriter(other).edit("default", id, async (doc) => {
          applyCommands(doc, [{ type: "renameStage", id: "s1" as never, name: "Elsewhere" }]);
          return { change: { reads: [], writes: ["stage:s1:name"] }, result: null };
        });
        await until(
          () => a.isStored() && (a.stored?.version ?? 0) > (out?.stored.version ?? 0),
          10_000,
          "the live edit stored after the other write",
        );
        const row = await s.t.store.journeys.get("default", id);
        expect(row?.map.cards[0]?.text).toBe("typed live");
        expect(row?.map.stages[0]?.name).toBe("Elsewhere");
        await until(
          () => (roots(a.doc).stages.get("s1")?.get("name") as unknown) === "Elsewhere",
          5000,
          "the other write reaches the editor",
        );
      });
    },
  );

describeWithService("PostgreSQL", true, "a CLI edit while the server runs in another process", () => {
  it("`wayline versions ID --restore` reaches the open editor", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wayline-cli-live-"));
    const store = await openStore({ dataDir: dir });
    const server = await serveStore(store, {
      port: 0,
      host: "127.0.0.1",
      dataDir: dir,
      auth: "local",
      collabDebounceMs: 50,
    });
    cleanUps.push(async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const id = await seedMap(server.url);
    const a: Peer = connectPeer(server.url, id);
    cleanUps.push(async () => a.destroy());
    await a.synced;
    applyCommands(a.doc, [{ type: "updateCard", id: "c1" as never, text: "first draft" }]);
    await until(() => a.isStored(), 5000, "first draft stored");
    const v = await apiCall(server.url, "POST", `/api/journeys/${id}/versions`, { label: "Before" });
    expect(v.status).toBe(201);
    applyCommands(a.doc, [{ type: "updateCard", id: "c1" as never, text: "second draft" }]);
    await until(() => a.isStored(), 5000, "second draft stored");
    const cli = await run(
      process.execPath,
      ["bin/wayline.js", "versions", id, "--restore", String(v.json.id), "--data", dir],
      { env: { ...process.env, DATABASE_URL: "" }, timeout: 60_000 },
    );
    expect(cli.stdout).toContain("restored");
    await until(() => cardText(a.doc, "c1") === "first draft", 10_000, "the CLI's restore is live");
  }, 90_000);
});
