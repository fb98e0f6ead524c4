import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { createAppWithServices } from "./app.ts";
import { localAuthenticator } from "./auth.ts";
import { testClient } from "./test-client.ts";

/** What a page on another local port can send without a CORS preflight (`mode: "no-cors"`). */
const SIMPLE_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"];

describe("cross-site writes from other local ports (finding 2)", () => {
  let t: TestStore;
  let dir: string;
  let api: ReturnType<typeof testClient>;
  let close: () => Promise<void>;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    dir = mkdtempSync(join(tmpdir(), "wayline-guard-"));
    const { app, services } = createAppWithServices({
      store: t.store,
      auth: localAuthenticator(),
      dataDir: dir,
    });
    api = testClient(app);
    close = () => services.logs.close();
  });
  afterEach(async () => {
    await close();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const newMap = { title: "x", kind: "current_state" };

  it("checks the Origin by scheme, host and port", async () => {
    const from = (origin: string) => api.post("/api/journeys", newMap, { origin });
    expect((await from("http://localhost:4400")).status).toBe(201);
    expect((await from("http://localhost:5555")).status).toBe(403);
    expect((await from("http://127.0.0.1:4400")).status).toBe(403);
    expect((await from("https://localhost:4400")).status).toBe(403);
    expect((await from("http://localhost")).status).toBe(403);
    expect((await from("null")).status).toBe(403);
    expect((await api.get("/api/journeys", { origin: "http://localhost:3000" })).status).toBe(403);
  });

  it("refuses a write from another site of the same machine by Sec-Fetch-Site", async () => {
    const r = await api.post("/api/journeys", newMap, { "sec-fetch-site": "same-site" });
    expect(r.status).toBe(403);
    expect((await api.post("/api/journeys", newMap, { "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("answers 415 to every write sent with a content type a page can send without preflight", async () => {
    const m = (await api.post("/api/journeys", newMap)).json;
    const writes: [string, string][] = [
      ["POST", "/api/logs?filename=x.csv"],
      ["POST", `/api/journeys/${m.id}/surveys?filename=x.csv`],
      ["POST", `/api/journeys/${m.id}/future-state`],
      ["POST", "/api/journeys"],
      ["POST", `/api/journeys/${m.id}/commands`],
      ["PATCH", "/api/settings"],
    ];
    for (const [method, path] of writes)
      for (const type of SIMPLE_TYPES) {
        const r = await api.call(method, path, "case,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n", {
          "content-type": type,
        });
        expect([method, path, type, r.status, r.json?.error?.code]).toEqual([
          method,
          path,
          type,
          415,
          "unsupported_media_type",
        ]);
      }
    // A body-less POST (no Content-Type at all) is a simple request too.
    const bare = await api.call("POST", `/api/journeys/${m.id}/future-state`, undefined, {
      "content-type": "",
    });
    expect(bare.status).toBe(415);
    expect((await api.get("/api/journeys")).json).toHaveLength(1);
  });

  it("accepts uploads that carry X-Wayline-Upload: 1 (a custom header forces a preflight)", async () => {
    const r = await api.post(
      "/api/logs?filename=x.csv",
      "case,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n",
      {
        "content-type": "text/csv",
        "x-wayline-upload": "1",
      },
    );
    expect(r.status).toBe(201);
    const m = (await api.post("/api/journeys", newMap)).json;
    const f = await api.post(`/api/journeys/${m.id}/future-state`, undefined, {
      "content-type": "application/json",
    });
    expect(f.status).toBe(201);
  });
});
