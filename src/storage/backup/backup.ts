import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { type Kysely, sql, type Transaction } from "kysely";
import { VERSION } from "../../server/version.ts";
import type { Store } from "../store.ts";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupEvent,
  type BackupHeader,
  CHUNK_BYTES,
  EVENTS_PER_LINE,
  encodeValue,
} from "./format.ts";
import { LineWriter } from "./line-stream.ts";
import type { LogEventsSource } from "./log-events.ts";
import { appliedMigrations, dataTables } from "./tables.ts";

/** Rows read per query while exporting a table. */
const PAGE_ROWS = 500;

/** What a backup holds. */
export interface BackupSummary {
  file: string;
  dialect: string;
  rows: Record<string, number>;
  /** Event-log files copied. */
  files: number;
  /** Logs deleted between the snapshot and the copy (dropped from the backup). */
  missing: string[];
  /** Events copied per log held outside the data folder (ClickHouse). */
  events: Record<string, number>;
  bytes: number;
}

async function exportTable(
  tx: Transaction<unknown>,
  table: { name: string; columns: string[] },
  out: LineWriter,
): Promise<number> {
  let n = 0;
  const order = sql.join(table.columns.map((c) => sql.ref(c)));
  for (let offset = 0; ; offset += PAGE_ROWS) {
    const page = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}
      order by ${order} limit ${PAGE_ROWS} offset ${offset}`.execute(tx);
    for (const row of page.rows) {
      const encoded: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) encoded[k] = encodeValue(v);
      await out.write({ table: table.name, row: encoded });
      n++;
    }
    if (page.rows.length < PAGE_ROWS) return n;
  }
}

/** Copies one file as `file` + `chunk` lines; false when it is gone. */
async function copyFile(path: string, name: string, out: LineWriter): Promise<boolean> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const size = statSync(path).size;
    const hash = createHash("sha256");
    const buf = Buffer.alloc(CHUNK_BYTES);
    // Hash first (one pass), then stream: the header line must carry size and digest.
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK_BYTES, size - pos), pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      pos += n;
    }
    await out.write({ file: name, size, sha256: hash.digest("hex") });
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK_BYTES, size - pos), pos);
      if (n === 0) break;
      await out.write({ chunk: buf.subarray(0, n).toString("base64") });
      pos += n;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Streams one log's events as `events`, `batch`… and `eventsEnd` lines; returns how many. */
async function copyEvents(
  logId: string,
  events: AsyncIterable<BackupEvent>,
  out: LineWriter,
): Promise<number> {
  await out.write({ events: logId });
  let batch: BackupEvent[] = [];
  let chars = 0;
  let n = 0;
  for await (const e of events) {
    batch.push(e);
    chars += e[0].length + e[1].length + 40 + JSON.stringify(e[4]).length;
    n++;
    if (batch.length >= EVENTS_PER_LINE || chars >= CHUNK_BYTES) {
      await out.write({ batch });
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) await out.write({ batch });
  await out.write({ eventsEnd: logId, count: n });
  return n;
}

/**
 * Writes a consistent online backup of the instance to `file` (refused if it exists): every row
 * of every table from one snapshot (SQLite: one read transaction over the WAL; PostgreSQL: one
 * REPEATABLE READ, READ ONLY transaction), then the DuckDB file of every log in that snapshot
 * (log files never change after their import), then the events of every log held in ClickHouse
 * (streamed from `logEvents`; their tables, too, never change after the import), then a trailer.
 * Written to `<file>.partial` and renamed at the end, so a backup that exists is complete. Safe
 * while a server runs. Refused when the snapshot has ClickHouse logs and no `logEvents` is given.
 */
export async function writeBackup(
  store: Store,
  dataDir: string,
  file: string,
  logEvents?: LogEventsSource,
): Promise<BackupSummary> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose another name or remove it`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const out = new LineWriter(partial);
  const db = store.db as unknown as Kysely<unknown>;
  try {
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      waylineVersion: VERSION,
      dialect: store.dialect,
      migrations: await appliedMigrations(db),
    };
    await out.write(header);
    const rows: Record<string, number> = {};
    const logs: { id: string; engine: string }[] = [];
    let begin = db.transaction();
    if (store.dialect === "postgres") begin = begin.setIsolationLevel("repeatable read");
    await begin.execute(async (tx) => {
      if (store.dialect === "postgres") await sql`set transaction read only`.execute(tx);
      for (const table of await dataTables(tx, store.dialect)) {
        rows[table.name] = await exportTable(tx, table, out);
        if (table.name === "event_logs") {
          const r = await sql<{
            id: string;
            engine: string | null;
          }>`select id, engine from event_logs`.execute(tx);
          logs.push(...r.rows.map((x) => ({ id: x.id, engine: x.engine ?? "duckdb" })));
        }
      }
    });
    let files = 0;
    const missing: string[] = [];
    for (const log of logs.filter((l) => l.engine === "duckdb")) {
      const name = `logs/${log.id}.duckdb`;
      if (!(await copyFile(join(dataDir, name), name, out))) {
        missing.push(log.id);
        await out.write({ missing: name, log: log.id });
        continue;
      }
      files++;
      if (await copyFile(join(dataDir, `${name}.wal`), `${name}.wal`, out)) files++;
    }
    const events: Record<string, number> = {};
    const outside = logs.filter((l) => l.engine !== "duckdb");
    if (outside.length && !logEvents)
      throw new Error(
        `${outside.length} event log(s) keep their events in ${outside[0]?.engine}; set CLICKHOUSE_URL so the backup can copy them`,
      );
    for (const log of outside) {
      const stream = await logEvents?.read(log.id, log.engine);
      if (!stream) {
        missing.push(log.id);
        await out.write({ missing: `${log.engine}:${log.id}`, log: log.id });
        continue;
      }
      events[log.id] = await copyEvents(log.id, stream, out);
    }
    await out.write({ end: { rows, files, events } });
    await out.close();
    renameSync(partial, file);
    return {
      file: basename(file),
      dialect: store.dialect,
      rows,
      files,
      missing,
      events,
      bytes: statSync(file).size,
    };
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}
