import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase, postgresAvailable } from "../../testing/databases.ts";
import { call, startServeProcess } from "../../testing/serve-process.ts";
import { requireServices } from "../../testing/services.ts";

/**
 * Crash tests with real `wayline serve` child processes killed with SIGKILL (no shutdown code
 * runs): acknowledged REST edits survive, and a killed log import leaves no file, no half log,
 * and can be imported again. The three scenarios are independent (own data folder, own
 * PostgreSQL schema) and run concurrently: most of each is a child process starting, i.e. loading
 * its modules (see bench/RESULTS.md, start-up), which overlaps well with the others.
 */
const pgUp = await postgresAvailable();
const root = mkdtempSync(join(tmpdir(), "wayline-crash-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** `DATABASE_URL` for a fresh PostgreSQL schema (search_path in the URL's options). */
async function pgUrl() {
  const db = await createTestDatabase("postgres");
  const base = db.options.url as string;
  return {
    url: `${base}?options=${encodeURIComponent(`-c search_path=${db.options.pgSchema}`)}`,
    cleanUp: db.cleanUp,
  };
}

if (!pgUp) console.warn("[skip] kill -9 during REST edits (postgres): PostgreSQL is not reachable");
// Top-level tests (not describe blocks), so the three scenarios of this file run concurrently.
for (const dialect of ["sqlite", "postgres"] as const)
  (dialect === "postgres" && !pgUp && !requireServices ? it.skip : it.concurrent)(
    `kill -9 during REST edits (${dialect}): every acknowledged edit is present after the restart`,
    async () => {
      const dataDir = join(root, `edits${n++}`);
      const pg = dialect === "postgres" ? await pgUrl() : null;
      const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : {};
      try {
        const first = await startServeProcess(dataDir, env);
        const created = await call(first.url, "POST", "/api/journeys", { templateId: "pizza-restaurant" });
        expect(created.status).toBe(201);
        const id = created.json.id as string;
        const lane =
          created.json.lanes.find((l: { type: string }) => l.type === "notes") ?? created.json.lanes[0];
        const stage = created.json.stages[0];
        let version = created.json.version as number;
        const acked: string[] = [];
        const killAfter = 10 + Math.floor(Math.random() * 10);
        for (let i = 0; i < killAfter; i++) {
          const text = `edit ${i} ✓`;
          const r = await call(first.url, "POST", `/api/journeys/${id}/commands`, {
            baseVersion: version,
            commands: [{ type: "addCard", laneId: lane.id, stageId: stage.id, text }],
          });
          expect(r.status, JSON.stringify(r.json)).toBe(200);
          version = r.json.version;
          acked.push(text);
        }
        // One more in flight when the process dies: it may or may not be stored, never half.
        const inFlight = call(first.url, "POST", `/api/journeys/${id}/commands`, {
          baseVersion: version,
          commands: [{ type: "addCard", laneId: lane.id, stageId: stage.id, text: "in flight" }],
        }).catch(() => null);
        first.child.kill("SIGKILL");
        expect((await first.exited).signal).toBe("SIGKILL");
        await inFlight;
        const second = await startServeProcess(dataDir, env);
        try {
          const got = await call(second.url, "GET", `/api/journeys/${id}`);
          expect(got.status).toBe(200);
          const texts = new Set(got.json.cards.map((c: { text: string }) => c.text));
          expect(acked.filter((t) => !texts.has(t))).toEqual([]);
          expect([version, version + 1]).toContain(got.json.version);
          expect(got.json.version === version + 1).toBe(texts.has("in flight"));
        } finally {
          second.child.kill("SIGTERM");
          await second.exited;
        }
      } finally {
        await pg?.cleanUp();
      }
    },
    120_000,
  );

/** A log big enough that the import is still running when the process is killed. */
function bigLog(file: string, rows: number): void {
  const lines = ["case,activity,timestamp,channel"];
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++)
    lines.push(
      `c${i % 5000},${["visit", "browse", "cart", "pay", "review"][i % 5]},${new Date(t0 + i * 1000).toISOString()},web`,
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
}

it.concurrent("kill -9 during a log import: after the restart no leftover file, no half log, and re-import works", async () => {
  const dataDir = join(root, `import${n++}`);
  const log = join(root, "big.csv");
  bigLog(log, 150_000);
  const upload = async (base: string) => {
    const { readFileSync } = await import("node:fs");
    return fetch(`${base}/api/logs?filename=big.csv`, {
      method: "POST",
      headers: { "content-type": "text/csv", "x-wayline-upload": "1" },
      body: readFileSync(log),
    });
  };
  const first = await startServeProcess(dataDir);
  const pending = upload(first.url).catch(() => null);
  // Kill once the import is under way: its temporary DuckDB file exists.
  const logsDir = join(dataDir, "logs");
  const started = Date.now();
  while (!(existsSync(logsDir) && readdirSync(logsDir).some((f) => f.includes(".importing.")))) {
    if (Date.now() - started > 20_000) throw new Error(`the import never started:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  first.child.kill("SIGKILL");
  await first.exited;
  expect(await pending).toBeNull();
  expect(readdirSync(logsDir).some((f) => f.includes(".importing."))).toBe(true);
  const second = await startServeProcess(dataDir);
  try {
    expect(readdirSync(logsDir).filter((f) => f.includes(".importing."))).toEqual([]);
    const tmp = join(dataDir, "tmp");
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    expect((await call(second.url, "GET", "/api/logs")).json).toEqual([]);
    const again = await upload(second.url);
    expect(again.status).toBe(201);
    const info = (await again.json()) as { id: string; stats: { events: number } };
    expect(info.stats.events).toBe(150_000);
    expect((await call(second.url, "GET", "/api/logs")).json.map((l: { id: string }) => l.id)).toEqual([
      info.id,
    ]);
    expect(readdirSync(logsDir)).toEqual([`${info.id}.duckdb`]);
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
}, 120_000);
