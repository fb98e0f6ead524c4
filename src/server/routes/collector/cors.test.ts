import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../../services/services.ts";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";
import { collectorOriginsFromEnv } from "./cors.ts";

const CSV = "case,activity,timestamp\nc1,Visit,2026-01-01T10:00:00Z\nc1,Buy,2026-01-01T10:05:00Z\n";
const SHOP = "https://shop.example";

describe("collector CORS and browser SDK bodies (/v1/* only)", () => {
  let t: TestStore;
  let dir: string;
  let services: Services;
  let api: ReturnType<typeof testClient>;
  let log: string;
  let key: string;
  /** A new app (reading WAYLINE_COLLECTOR_ORIGINS as given) on the same store and data. */
  const open = async (origins?: string) => {
    const before = process.env.WAYLINE_COLLECTOR_ORIGINS;
    if (origins === undefined) delete process.env.WAYLINE_COLLECTOR_ORIGINS;
    else process.env.WAYLINE_COLLECTOR_ORIGINS = origins;
    try {
      if (services) await services.close();
      const made = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir: dir });
      services = made.services;
      api = testClient(made.app);
    } finally {
      if (before === undefined) delete process.env.WAYLINE_COLLECTOR_ORIGINS;
      else process.env.WAYLINE_COLLECTOR_ORIGINS = before;
    }
  };
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    dir = mkdtempSync(join(tmpdir(), "wayline-collector-cors-"));
    await open();
    const made = await api.call("POST", "/api/logs?filename=shop.csv", CSV, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    log = made.json.id;
    key = (await api.post(`/api/logs/${log}/write-key`)).json.key;
  });
  afterEach(async () => {
    await services.close();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const events = async () => {
    await services.collector.flush();
    return (await api.get(`/api/logs/${log}/stats`)).json.events as number;
  };
  /** What analytics.js sends: text/plain, the key in the body, from the shop's pages. */
  const fromShop = (path: string, body: object, origin = SHOP) =>
    api.call("POST", path, JSON.stringify(body), {
      "content-type": "text/plain;charset=UTF-8",
      origin,
      "sec-fetch-site": "cross-site",
    });
  const track = (messageId: string) => ({ userId: "u1", event: "Checkout", messageId, writeKey: key });
  const preflight = (path: string, origin = SHOP) =>
    api.call("OPTIONS", path, undefined, {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    });

  it("answers a preflight and a cross-origin text/plain call with the key in the body (default: any origin)", async () => {
    const pre = await preflight("/v1/batch");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(pre.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    const one = await fromShop("/v1/t", track("m1"));
    expect(one).toMatchObject({ status: 200, json: { success: true } });
    expect(one.headers.get("access-control-allow-origin")).toBe("*");
    const batch = await fromShop("/v1/b", {
      writeKey: key,
      batch: [
        { ...track("m2"), type: "track" },
        { ...track("m3"), type: "track" },
      ],
    });
    expect(batch.status).toBe(200);
    // identify (/v1/i) is accepted and not logged.
    expect((await fromShop("/v1/i", { userId: "u1", traits: {}, writeKey: key })).status).toBe(200);
    expect(await events()).toBe(2 + 3);
  });

  it("lets the page read errors: 400 and 401 carry the CORS header", async () => {
    const bad = await fromShop("/v1/t", { event: "x", writeKey: key });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/body\.userId: give userId or anonymousId/);
    expect(bad.headers.get("access-control-allow-origin")).toBe("*");
    const unknown = await fromShop("/v1/t", { ...track("m1"), writeKey: "wk_nope" });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("takes text/plain without an Origin too, and refuses other body types with 415", async () => {
    const plain = await api.call("POST", "/v1/track", JSON.stringify(track("m1")), {
      "content-type": "text/plain",
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    const form = await api.call("POST", "/v1/track", "userId=u1", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(form.json.error.message).toBe(
      'expected Content-Type application/json or text/plain, got "application/x-www-form-urlencoded"',
    );
    expect(await events()).toBe(2 + 1);
  });

  it("keeps the rest of the API same-origin: no CORS headers, cross-origin calls refused", async () => {
    const pre = await preflight("/api/journeys");
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const write = await api.post("/api/journeys", { title: "x", kind: "current_state" }, { origin: SHOP });
    expect(write.status).toBe(403);
    expect(write.headers.get("access-control-allow-origin")).toBeNull();
    const read = await api.get(`/api/logs/${log}/stats`, { origin: SHOP });
    expect(read.status).toBe(403);
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
    // text/plain stays refused outside /v1 (it is what a page sends without a preflight).
    const plain = await api.call("POST", "/api/journeys", '{"title":"x","kind":"current_state"}', {
      "content-type": "text/plain",
    });
    expect(plain.status).toBe(415);
  });

  it("with WAYLINE_COLLECTOR_ORIGINS, only the listed pages may send (others: 403, nothing appended)", async () => {
    await open(`${SHOP}, http://localhost:3000`);
    const pre = await preflight("/v1/track");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(pre.headers.get("vary")).toContain("Origin");
    const ok = await fromShop("/v1/track", track("m1"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(SHOP);
    const other = await fromShop("/v1/track", track("m2"), "https://evil.example");
    expect(other.status).toBe(403);
    expect(other.json.error.message).toMatch(/pages of https:\/\/evil\.example may not send events/);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight("/v1/track", "https://evil.example")).status).toBe(403);
    // The server's own pages and clients without an Origin (backends, curl) are not affected.
    const own = await api.call("POST", "/v1/track", JSON.stringify(track("m3")), {
      "content-type": "application/json",
      origin: "http://localhost:4400",
    });
    expect(own.status).toBe(200);
    expect(await events()).toBe(2 + 2);
  });

  it("reads WAYLINE_COLLECTOR_ORIGINS: *, none, a list; a bad entry is named", () => {
    expect(collectorOriginsFromEnv({})).toBe("*");
    expect(collectorOriginsFromEnv({ WAYLINE_COLLECTOR_ORIGINS: " * " })).toBe("*");
    expect(collectorOriginsFromEnv({ WAYLINE_COLLECTOR_ORIGINS: "none" })).toEqual(new Set());
    expect(
      collectorOriginsFromEnv({ WAYLINE_COLLECTOR_ORIGINS: "https://Shop.example/, http://localhost:3000" }),
    ).toEqual(new Set(["https://shop.example", "http://localhost:3000"]));
    expect(() =>
      collectorOriginsFromEnv({ WAYLINE_COLLECTOR_ORIGINS: "https://a.example,shop.example" }),
    ).toThrow('WAYLINE_COLLECTOR_ORIGINS: "shop.example" is not an origin');
    expect(() => collectorOriginsFromEnv({ WAYLINE_COLLECTOR_ORIGINS: "https://a.example/path" })).toThrow(
      /"https:\/\/a\.example\/path" is not an origin/,
    );
  });
});
