import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./serve.ts";

/** A raw HTTP/1.1 request (fetch would normalise the path), answered as status + body text. */
function raw(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path, method: "GET", headers: { host: u.host } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("every error answer has the JSON error shape (finding 8)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wayline-shape-"));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir: dir, auth: "local" });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a 100 KB query string with a JSON 431", async () => {
    const r = await raw(server.url, `/api/journeys?q=${"x".repeat(100_000)}`);
    expect(r.status).toBe(431);
    expect(r.type).toMatch(/application\/json/);
    expect(JSON.parse(r.body).error.code).toBe("request_too_large");
  });

  it("answers a raw backslash and a malformed escape in the path with a JSON 400", async () => {
    for (const path of ["/api/journeys/a\\b", "/api/journeys/%E0%A4%A"]) {
      const r = await raw(server.url, path);
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.type).toMatch(/application\/json/);
      expect(JSON.parse(r.body).error.code).toBe("invalid_request");
    }
  });

  it("refuses repeated query parameters documented as single", async () => {
    const r = await raw(server.url, "/api/journeys?q=a&q=b");
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.details.problems).toEqual([
      { path: "query.q", message: "given 2 times; give it once" },
    ]);
    expect((await raw(server.url, "/api/journeys?q=a")).status).toBe(200);
  });
});
