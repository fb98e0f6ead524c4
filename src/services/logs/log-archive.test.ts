import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { clickhouseUrl, probeClickHouse } from "../../analytics/clickhouse/client.ts";
import { writeBackup } from "../../storage/backup/backup.ts";
import { restoreBackup } from "../../storage/backup/restore.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { describeWithService } from "../../testing/services.ts";
import { type OpenServices, openServices } from "../services.ts";
import { logEventsSource, logEventsTarget } from "./log-archive.ts";

const base = clickhouseUrl().replace(/\/+$/, "");
const up = await probeClickHouse(base);
const root = mkdtempSync(join(tmpdir(), "wayline-ch-backup-"));
const tag = randomBytes(4).toString("hex");
/** Private ClickHouse databases of this run: the source and a restore target. */
const DBS = [`wl_bk_src_${tag}`, `wl_bk_dst_${tag}`] as const;
const urlOf = (db: string) => `${base}/${db}`;
const ch = (q: string) =>
  fetch(`${base}/?query=${encodeURIComponent(q)}`, { method: "POST" }).then(async (r) => {
    if (!r.ok) throw new Error(await r.text());
    return r.text();
  });

/** 5,000 events (three `batch` lines), with an attribute and a comma and quotes in activities. */
const EVENTS = 5000;
const LOG = `case,activity,timestamp,channel\n${Array.from({ length: EVENTS }, (_, i) =>
  [
    `c${i % 400}`,
    ["visit", "order", '"pay, card"', "review ✓"][i % 4],
    new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    i % 3 ? "web" : "",
  ].join(","),
).join("\n")}\n`;

let n = 0;
const open = (dataDir: string, clickhouse?: string) =>
  openServices({ database: { dataDir }, dataDir, clickhouseUrl: clickhouse });

/** What a user sees of every log. */
async function logsOf(o: OpenServices) {
  const out = [];
  for (const l of await o.services.logs.list(WS))
    out.push({
      id: l.id,
      name: l.name,
      report: l.report,
      stats: await o.services.logs.query(WS, l.id, (e) => e.stats()),
      variants: await o.services.logs.query(WS, l.id, (e) => e.variants({ top: 10 })),
      dfg: await o.services.logs.query(WS, l.id, (e) => e.dfg()),
    });
  return out;
}

describeWithService("ClickHouse", up, "backup of logs held in ClickHouse", () => {
  let file: string;
  let sourceDir: string;
  let before: Awaited<ReturnType<typeof logsOf>>;
  let logId: string;
  beforeAll(async () => {
    for (const db of DBS) await ch(`CREATE DATABASE ${db}`);
    sourceDir = join(root, "source");
    const source = await open(sourceDir, urlOf(DBS[0]));
    try {
      const csv = join(root, "shop.csv");
      writeFileSync(csv, LOG);
      const info = await source.services.logs.import(WS, csv, { fileName: "shop.csv" });
      expect(info.engine).toBe("clickhouse");
      logId = info.id;
      before = await logsOf(source);
      expect(before[0]?.stats.events).toBe(EVENTS);
      // Without a way to read ClickHouse the backup is refused, not silently short.
      await expect(writeBackup(source.store, sourceDir, join(root, "refused.wlbackup"))).rejects.toThrow(
        /keep their events in clickhouse; set CLICKHOUSE_URL/,
      );
      expect(existsSync(join(root, "refused.wlbackup"))).toBe(false);
      file = join(root, "ch.wlbackup");
      const summary = await writeBackup(
        source.store,
        sourceDir,
        file,
        logEventsSource({ dir: join(sourceDir, "logs"), clickhouseUrl: urlOf(DBS[0]) }),
      );
      expect(summary.events).toEqual({ [logId]: EVENTS });
    } finally {
      await source.close();
    }
  }, 120_000);
  afterAll(async () => {
    for (const db of DBS) await ch(`DROP DATABASE IF EXISTS ${db}`).catch(() => {});
    rmSync(root, { recursive: true, force: true });
  });

  it("writes the events in bounded lines: events, batches of ≤ 2,000, eventsEnd, and counts in the trailer", () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    const records = lines.map((l) => JSON.parse(l));
    const start = records.findIndex((r) => r.events === logId);
    const batches = records.filter((r) => Array.isArray(r.batch));
    expect(start).toBeGreaterThan(0);
    expect(batches.map((b) => b.batch.length)).toEqual([2000, 2000, 1000]);
    expect(records[start + 4]).toEqual({ eventsEnd: logId, count: EVENTS });
    expect(records.at(-1).end.events).toEqual({ [logId]: EVENTS });
    expect(records[0].version).toBe(2);
  });

  it("restores into an empty folder and another ClickHouse database: every log's stats, variants and graph equal", async () => {
    const dir = join(root, `restored${n++}`);
    const url = urlOf(DBS[1]);
    const summary = await restoreBackup(file, {
      dataDir: dir,
      database: { dataDir: dir },
      logEvents: logEventsTarget({ dir: join(dir, "logs"), clickhouseUrl: url }),
    });
    expect(summary.events).toEqual({ [logId]: EVENTS });
    expect(summary.eventsEngine).toBe("clickhouse");
    const target = await open(dir, url);
    try {
      expect(await logsOf(target)).toEqual(before);
      expect((await target.services.logs.list(WS))[0]?.engine).toBe("clickhouse");
      // In the target database (not the source's): events and the rebuilt traces.
      const tables = await ch(`SELECT name FROM system.tables WHERE database = '${DBS[1]}' ORDER BY name`);
      const prefix = `wl_log_${logId.replace(/-/g, "_")}`;
      expect(tables.trim().split("\n")).toEqual([`${prefix}_events`, `${prefix}_traces`]);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("restores into a target without ClickHouse as a DuckDB file per log, with the same answers", async () => {
    const dir = join(root, `restored${n++}`);
    const summary = await restoreBackup(file, {
      dataDir: dir,
      database: { dataDir: dir },
      logEvents: logEventsTarget({ dir: join(dir, "logs") }),
    });
    expect(summary.eventsEngine).toBe("duckdb");
    expect(existsSync(join(dir, "logs", `${logId}.duckdb`))).toBe(true);
    const target = await open(dir);
    try {
      expect(await logsOf(target)).toEqual(before);
      expect((await target.services.logs.list(WS))[0]?.engine).toBe("duckdb");
    } finally {
      await target.close();
    }
  }, 120_000);

  it("refuses a ClickHouse that already holds the log, leaves its tables alone and the folder empty", async () => {
    const dir = join(root, `restored${n++}`);
    await expect(
      restoreBackup(file, {
        dataDir: dir,
        database: { dataDir: dir },
        logEvents: logEventsTarget({ dir: join(dir, "logs"), clickhouseUrl: urlOf(DBS[0]) }),
      }),
    ).rejects.toThrow(/already holds log .*restore into another ClickHouse database/);
    expect(existsSync(dir)).toBe(false);
    const source = await open(sourceDir, urlOf(DBS[0]));
    try {
      expect(await logsOf(source)).toEqual(before);
    } finally {
      await source.close();
    }
  }, 120_000);
});
