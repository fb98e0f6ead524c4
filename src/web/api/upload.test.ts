// @vitest-environment jsdom
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogInfo } from "../../contract/logs.ts";
import { apiRejection } from "./test-rejection.ts";
import { type UploadProgress, uploadFile } from "./upload.ts";

// Uploads go through jsdom's real XMLHttpRequest to the real server (`wayline serve` in a child
// process: the server cannot run inside jsdom). jsdom's page keeps its own origin, so a pass-through
// that only adds CORS headers stands between them, as a same-origin browser page needs none.

// jsdom replaces the global URL, which node:url cannot read: resolve the path without it.
const bin = join(fileURLToPath(import.meta.url.replace(/[^/]*$/, "")), "../../../bin/wayline.js");
let server: ChildProcess | undefined;
let dir: string;
/** Origin the uploads are sent to. */
let base = "";
let cors: Server | undefined;

/** Forwards every request to `target` and allows the page's origin to read the answers. */
function corsPassThrough(target: string): Promise<string> {
  // the headers the page asks to send (content type, X-Wayline-Upload, workspace/CSRF headers)
  const allow = (origin = "*", headers = "content-type") => ({
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "GET, POST, PATCH, DELETE",
    "access-control-allow-headers": headers,
  });
  const server = createHttpServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, allow(req.headers.origin, req.headers["access-control-request-headers"]));
      return res.end();
    }
    const { origin: _origin, host: _host, ...headers } = req.headers;
    const out = httpRequest(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, {
        ...answer.headers,
        ...allow(req.headers.origin),
      });
      answer.pipe(res);
    });
    req.pipe(out);
  });
  cors = server;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
}

/** Starts `wayline serve` on a free port and answers its URL. */
function serve(dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [bin, "serve", "--port", "0", "--data", dataDir], {
      env: { ...process.env, WAYLINE_AUTH: "local", DATABASE_URL: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    server.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(err)?.[1];
      if (url) resolve(url);
    });
    server.once("exit", (code) => reject(new Error(`wayline serve exited ${code}: ${err}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wayline-web-upload-"));
  // The server names itself "localhost", which may resolve to ::1; it listens on 127.0.0.1.
  base = await corsPassThrough((await serve(dir)).replace("//localhost:", "//127.0.0.1:"));
});

afterAll(async () => {
  await new Promise((resolve) => (cors ? cors.close(resolve) : resolve(undefined)));
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const csv = (name: string, text: string) => new File([text], name, { type: "text/csv" });

describe("uploadFile", () => {
  it("uploads a log, reports progress and answers the server's JSON", async () => {
    const seen: UploadProgress["phase"][] = [];
    const info = await uploadFile<LogInfo>(
      `${base}/api/logs`,
      { filename: "shop.csv", name: "Shop" },
      csv(
        "shop.csv",
        "case_id;activity;timestamp\nc1;Visit;2024-01-01T10:00:00Z\nc1;Buy;2024-01-01T11:00:00Z\n",
      ),
      (p) => seen.push(p.phase),
    );
    expect(info).toMatchObject({ name: "Shop", fileName: "shop.csv", stats: { events: 2, cases: 1 } });
    expect(seen).toContain("uploading");
    expect(seen.at(-1)).toBe("processing");
  });

  it("rejects with the server's code, message and details, like request()", async () => {
    const err = await apiRejection(
      uploadFile(
        `${base}/api/logs`,
        { filename: "colours.csv" },
        csv("colours.csv", "case_id,colour\n1,red\n"),
      ),
    );
    expect([err.status, err.code]).toEqual([400, "invalid_request"]);
    // "colour" passes as the activity by its content (repeating words); no column holds times.
    expect(err.message).toMatch(/cannot find the timestamp column/);
    expect(err.details).toMatchObject({ missing: ["timestamp"], columns: ["case_id", "colour"] });
  });

  it("rejects a survey for a missing map as not_found", async () => {
    const err = await apiRejection(
      uploadFile(
        `${base}/api/journeys/no-such-map/surveys`,
        { filename: "s.csv" },
        csv("s.csv", "stage,score\nA,5\n"),
      ),
    );
    expect([err.status, err.code]).toEqual([404, "not_found"]);
  });

  it("rejects an unreachable server as `network` with status 0", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await apiRejection(uploadFile(`http://127.0.0.1:${port}/api/logs`, {}, csv("a.csv", "a\n")));
    expect([err.status, err.code]).toEqual([0, "network"]);
  });
});
