import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyCommands } from "../../domain/commands/apply.ts";
import { call, startServeProcess } from "../../testing/serve-process.ts";
import { connectPeer, until } from "../collab/peer.ts";

const root = mkdtempSync(join(tmpdir(), "wayline-shutdown-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("SIGTERM stores a live map's unsaved websocket edits, exits 0, and the edit is there after the restart", async () => {
  const dataDir = join(root, "data");
  // A minute of debounce: only the shutdown flush can store the edit in time.
  const env = { WAYLINE_COLLAB_DEBOUNCE_MS: "60000", WAYLINE_LOG_LEVEL: "info" };
  const first = await startServeProcess(dataDir, env);
  const created = await call(first.url, "POST", "/api/journeys", { templateId: "pizza-restaurant" });
  const id = created.json.id as string;
  const stage = created.json.stages[0];
  const peer = connectPeer(first.url, id);
  try {
    await peer.synced;
    const result = applyCommands(peer.doc, [
      { type: "renameStage", id: stage.id, name: "Renamed over the websocket" },
    ]);
    expect(result.writes).toContain(`stage:${stage.id}.name`);
    await until(() => peer.provider.unsyncedChanges === 0, 10_000, "the server received the edit");
    expect((await call(first.url, "GET", `/api/journeys/${id}`)).json.version).toBe(created.json.version);
    first.child.kill("SIGTERM");
    const ended = await first.exited;
    expect(ended.code).toBe(0);
    const log = first
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    expect(log.find((l) => l.msg === "shut down")).toMatchObject({ documentsStored: 1, importsDiscarded: 0 });
  } finally {
    peer.destroy();
  }
  const second = await startServeProcess(dataDir);
  try {
    const got = await call(second.url, "GET", `/api/journeys/${id}`);
    expect(got.json.stages[0].name).toBe("Renamed over the websocket");
    expect(got.json.version).toBeGreaterThan(created.json.version);
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
}, 60_000);
