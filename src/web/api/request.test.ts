import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningServer, startServer } from "../../server/serve.ts";
import { analysisApi } from "./analysis.ts";
import { api } from "./client.ts";
import { errorOfAnswer, queryString, request } from "./request.ts";
import { apiRejection } from "./test-rejection.ts";

// The web client against the real server on a loopback port: the browser's relative URLs are
// resolved against the server's origin, nothing else stands in between.

let server: RunningServer;
let dir: string;
/** A plain HTTP server answering what a proxy in front of Wayline might: not Wayline's error body. */
let proxy: Server;
let proxyOrigin: string;
let origin = "";
const realFetch = globalThis.fetch;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wayline-web-api-"));
  server = await startServer({ port: 0, host: "127.0.0.1", dataDir: dir, auth: "local" });
  origin = server.url;
  proxy = createServer((req, res) => {
    if (req.url === "/bad-gateway") {
      res.writeHead(502, "Bad Gateway", { "content-type": "text/html" });
      res.end("<html><body>upstream down</body></html>");
    } else if (req.url === "/not-json") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("hello");
    } else {
      res.writeHead(418, "I'm a teapot", { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "teapot_code_of_tomorrow", message: "short and stout" } }));
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  vi.stubGlobal("fetch", (input: string, init?: RequestInit) => realFetch(new URL(input, origin), init));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
  await new Promise((resolve) => proxy?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("request() against the real API", () => {
  it("answers the parsed JSON, the text, and undefined for 204", async () => {
    const map = await api.createBlank("Claims", "current_state");
    expect(map).toMatchObject({ title: "Claims", kind: "current_state", version: 1, personas: [] });
    expect((await api.listJourneys({ q: "Claims" })).map((m) => m.id)).toEqual([map.id]);
    expect(await analysisApi.summaryText(map.id, "md")).toMatch(/^# Stakeholder summary: Claims\n/);
    expect(await api.deleteJourney(map.id)).toBeUndefined();
  });

  it("rejects a missing map with the server's code and message", async () => {
    const err = await apiRejection(api.getJourney("no-such-map"));
    expect([err.status, err.code]).toEqual([404, "not_found"]);
    expect(err.message).toMatch(/no-such-map/);
  });

  it("rejects an invalid body with the located problems in details", async () => {
    const err = await apiRejection(api.createBlank("", "current_state"));
    expect([err.status, err.code]).toEqual([400, "invalid_request"]);
    expect(err.details?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]),
    );
  });

  it("rejects a stale edit with `conflict` and the current version", async () => {
    const map = await api.createBlank("Stale", "current_state");
    await api.patchJourney(map.id, { title: "Stale 2", baseVersion: map.version });
    const err = await apiRejection(
      api.patchJourney(map.id, { title: "Stale 3", baseVersion: map.version - 1 }),
    );
    expect([err.status, err.code]).toEqual([409, "conflict"]);
    expect(err.details?.currentVersion).toBe(2);
  });

  it("rejects a text request's error like a JSON one", async () => {
    const err = await apiRejection(analysisApi.summaryText("no-such-map", "html"));
    expect([err.status, err.code]).toEqual([404, "not_found"]);
  });
});

describe("request() failures that are not Wayline answers", () => {
  it("turns an unreachable server into `network` with status 0", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api/journeys`;
    await new Promise((resolve) => closed.close(resolve));
    const err = await apiRejection(request("GET", url));
    expect([err.status, err.code]).toEqual([0, "network"]);
    expect(err.message).toMatch(/^cannot reach the server/);
  });

  it("turns an error page without Wayline's body into `http_error` with the status line", async () => {
    const err = await apiRejection(request("GET", `${proxyOrigin}/bad-gateway`));
    expect([err.status, err.code, err.message]).toEqual([502, "http_error", "502 Bad Gateway"]);
  });

  it("rejects a success answer that is not JSON as `invalid_response`", async () => {
    const err = await apiRejection(request("GET", `${proxyOrigin}/not-json`));
    expect([err.status, err.code]).toEqual([200, "invalid_response"]);
  });

  it("keeps an error code it does not know (a newer server)", async () => {
    const err = await apiRejection(request("GET", `${proxyOrigin}/teapot`));
    expect([err.status, err.code, err.message]).toEqual([418, "teapot_code_of_tomorrow", "short and stout"]);
  });
});

describe("errorOfAnswer / queryString", () => {
  it("reads the error body, falls back on the status line for anything else", () => {
    const body = JSON.stringify({
      error: { code: "conflict", message: "m", details: { currentVersion: 3 } },
    });
    expect(errorOfAnswer(409, "Conflict", body)).toMatchObject({
      code: "conflict",
      message: "m",
      details: { currentVersion: 3 },
    });
    expect(errorOfAnswer(500, "Internal Server Error", "")).toMatchObject({
      code: "http_error",
      message: "500 Internal Server Error",
    });
    expect(errorOfAnswer(400, "Bad Request", JSON.stringify({ error: "nope" }))).toMatchObject({
      code: "http_error",
    });
    expect(errorOfAnswer(400, "Bad Request", JSON.stringify({ error: { message: "no code" } })).code).toBe(
      "http_error",
    );
  });

  it("leaves out absent and empty parameters and encodes the rest", () => {
    expect(queryString({ a: "x y", b: undefined, c: "", d: 0, e: null, f: false })).toBe(
      "?a=x+y&d=0&f=false",
    );
    expect(queryString({})).toBe("");
  });
});
