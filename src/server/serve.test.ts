import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "./serve.ts";

describe("the real HTTP server", () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-serve-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves the API over TCP, creates the SQLite file and keeps data across restarts", async () => {
    const cfg = { port: 0, host: "127.0.0.1", dataDir: dir, auth: "local" as const };
    const first = await startServer(cfg);
    try {
      expect(first.store.location).toBe(join(dir, "wayline.sqlite"));
      const health = await fetch(`${first.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: "ok" });
      const created = await fetch(`${first.url}/api/journeys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "Survives restarts", kind: "current_state" }),
      });
      expect(created.status).toBe(201);
    } finally {
      await first.close();
    }
    const second = await startServer(cfg);
    try {
      const list = await (await fetch(`${second.url}/api/journeys`)).json();
      expect(list.map((m: { title: string }) => m.title)).toEqual(["Survives restarts"]);
    } finally {
      await second.close();
    }
  });
});
