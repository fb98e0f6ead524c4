import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { WAYLINE_BIN } from "../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Modules `wayline serve` loads up to its "running at" line (SQLite, no Redis, no SSO). */
async function modulesAtStart(): Promise<string[]> {
  const log = join(dir, "loaded.txt");
  const hook = new URL("../testing/record-loads.mjs", import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      "--import",
      `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hook)})`,
      WAYLINE_BIN,
      "serve",
      "--port",
      "0",
      "--data",
      join(dir, "data"),
    ],
    {
      env: {
        ...process.env,
        WAYLINE_LOAD_LOG: log,
        DATABASE_URL: "",
        REDIS_URL: "",
        CLICKHOUSE_URL: "",
        WAYLINE_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (d) => {
      out += d;
      if (/running at /.test(out)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`serve exited (${code}) before starting:\n${out}`)));
  });
  child.kill("SIGKILL");
  return readFileSync(log, "utf8").trim().split("\n");
}

it("wayline serve on SQLite starts without loading what only PostgreSQL, Redis, SSO or exports need", async () => {
  const loaded = await modulesAtStart();
  const packages = new Set(
    loaded.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => !!p),
  );
  // The start really was recorded (the hook saw the server's own modules and its HTTP stack).
  expect(loaded.some((u) => u.endsWith("/src/server/serve.ts"))).toBe(true);
  expect(packages.has("hono")).toBe(true);
  for (const heavy of [
    "pg",
    "exceljs",
    "openid-client",
    "@hocuspocus/extension-redis",
    "ioredis",
    "pdfkit",
    "pptxgenjs",
    "@resvg/resvg-js",
    "@duckdb/node-api",
    "@clickhouse/client",
  ])
    expect(packages.has(heavy), `${heavy} loaded at start-up`).toBe(false);
}, 120_000);
