import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { type Kysely, sql, type Transaction } from "kysely";
import { z } from "zod";
import { WaylineError } from "../../domain/index.ts";
import { connectDatabase, type DatabaseOptions } from "../database.ts";
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from "../migrations.ts";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupEvent,
  BackupEventSchema,
  BackupHeaderSchema,
  BackupRecordSchema,
  decodeValue,
  READABLE_VERSIONS,
} from "./format.ts";
import { readLines } from "./line-stream.ts";
import type { LogEventsTarget } from "./log-events.ts";
import { appliedMigrations, dataTables, schemaTableNames } from "./tables.ts";

/** Rows per insert statement. */
const BATCH_ROWS = 100;

/** What a restore brought back. */
export interface RestoreSummary {
  dialect: string;
  /** Dialect the backup was made on. */
  from: string;
  rows: Record<string, number>;
  files: number;
  /** Events restored per log that was held in ClickHouse, and the engine they went to. */
  events: Record<string, number>;
  eventsEngine: string | null;
  /** Migrations applied after the restore (a backup of an older version is upgraded). */
  upgraded: string[];
}

const bad = (shown: string, line: number, message: string) =>
  new WaylineError("invalid_request", `${shown}: line ${line}: ${message}`);

/** Refuses a data folder that has anything in it. */
function requireEmptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length > 0)
    throw new WaylineError(
      "invalid_request",
      `the data folder ${dir} is not empty (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); restore into an empty or new folder`,
    );
}

/** The backup's migrations must be this build's first N (an older backup is upgraded after). */
function targetMigration(shown: string, migrations: string[]): string | null {
  const unknown = migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length)
    throw new WaylineError(
      "invalid_request",
      `${shown}: made by a newer Wayline (migrations ${unknown.join(", ")} unknown here); upgrade Wayline first`,
    );
  if (migrations.some((m, i) => MIGRATION_NAMES[i] !== m))
    throw new WaylineError("invalid_request", `${shown}: its migrations are not in this build's order`);
  return migrations.at(-1) ?? null;
}

class TableWriter {
  private batch: Record<string, unknown>[] = [];
  private table = "";
  readonly rows: Record<string, number> = {};
  constructor(
    private readonly tx: Transaction<unknown>,
    private readonly known: Map<string, Set<string>>,
  ) {}

  async add(shown: string, line: number, table: string, row: Record<string, unknown>): Promise<void> {
    const columns = this.known.get(table);
    if (!columns) throw bad(shown, line, `table "${table}" does not exist in this version`);
    for (const k of Object.keys(row))
      if (!columns.has(k)) throw bad(shown, line, `table "${table}" has no column "${k}"`);
    if (table !== this.table) await this.flush();
    this.table = table;
    this.batch.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decodeValue(v)])));
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.batch.length) return;
    await this.tx
      .insertInto(this.table as never)
      .values(this.batch as never)
      .execute();
    this.batch = [];
  }
}

const BatchSchema = z.array(BackupEventSchema);

/**
 * The events of one log's section (after its `events` line), pulled from the backup's lines up
 * to its `eventsEnd`; `state.count` and `state.ended` tell the caller whether it was read whole.
 */
async function* sectionEvents(
  lines: AsyncGenerator<{ line: number; value: unknown }>,
  shown: string,
  logId: string,
  state: { count: number; ended: number | null },
): AsyncGenerator<BackupEvent> {
  for (;;) {
    const next = await lines.next();
    if (next.done)
      throw new WaylineError("invalid_request", `${shown}: truncated (no end record); nothing was restored`);
    const { line, value } = next.value;
    const r = BackupRecordSchema.safeParse(value);
    if (r.success && "batch" in r.data) {
      const events = BatchSchema.safeParse(r.data.batch);
      if (!events.success) {
        const at = events.error.issues[0]?.path ?? [];
        throw bad(
          shown,
          line,
          `log ${logId}: event ${String(at[0] ?? "?")} is not [caseId, activity, timestamp, seq, attrs] (field ${String(at[1] ?? "?")})`,
        );
      }
      for (const e of events.data) {
        state.count++;
        yield e;
      }
    } else if (r.success && "eventsEnd" in r.data) {
      if (r.data.eventsEnd !== logId)
        throw bad(shown, line, `the events of log ${logId} end with those of ${r.data.eventsEnd}`);
      state.ended = r.data.count;
      return;
    } else throw bad(shown, line, `inside the events of log ${logId}: expected a batch or eventsEnd record`);
  }
}

/** A file being restored: written to `<path>.restoring`, checked, then renamed. */
interface OpenFile {
  path: string;
  fd: number;
  size: number;
  sha256: string;
  written: number;
  hash: ReturnType<typeof createHash>;
  line: number;
}

function finishFile(shown: string, f: OpenFile): void {
  closeSync(f.fd);
  if (f.written !== f.size || f.hash.digest("hex") !== f.sha256)
    throw bad(shown, f.line, `${f.path}: size or SHA-256 does not match (damaged backup)`);
  renameSync(`${f.path}.restoring`, f.path);
}

/**
 * Restores a backup (`writeBackup`) into an EMPTY target: the data folder must be empty or
 * absent, and the database (SQLite in that folder, or PostgreSQL when `database.url` is set) must
 * hold no Wayline tables. The schema is built to the backup's migration level, every row goes in
 * one transaction, log files are checked against their SHA-256, the trailer must be present, and
 * only then is the database upgraded to this build's latest migration. The events of logs that
 * were held in ClickHouse go to `target.logEvents` (ClickHouse tables, or DuckDB files when the
 * target has no ClickHouse) and their rows name that engine. On any failure nothing is left
 * behind: the transaction rolls back and what the restore created is removed.
 */
export async function restoreBackup(
  file: string,
  target: { dataDir: string; database: DatabaseOptions; logEvents?: LogEventsTarget },
  shown = file,
): Promise<RestoreSummary> {
  requireEmptyFolder(target.dataDir);
  const createdFolder = !existsSync(target.dataDir);
  const open = connectDatabase({ ...target.database, dataDir: target.dataDir });
  const db = open.db as unknown as Kysely<unknown>;
  const before = await schemaTableNames(db, open.dialect);
  const written: string[] = [];
  const loaded: string[] = [];
  let ok = false;
  try {
    if ((await appliedMigrations(db)).length > 0)
      throw new WaylineError(
        "invalid_request",
        `the database ${open.location} already holds a Wayline instance; restore into an empty database or schema`,
      );
    const lines = readLines(file, shown);
    const first = await lines.next();
    if (first.done) throw new WaylineError("invalid_request", `${shown}: empty file`);
    const head = BackupHeaderSchema.safeParse(first.value.value);
    if (!head.success) {
      const v = first.value.value as { format?: unknown; version?: unknown } | null;
      if (v?.format === BACKUP_FORMAT && typeof v.version === "number" && v.version > BACKUP_VERSION)
        throw new WaylineError(
          "invalid_request",
          `${shown}: backup format version ${v.version} is newer than this Wayline reads (${BACKUP_VERSION})`,
        );
      throw bad(
        shown,
        1,
        `not a Wayline backup header (expected {"format":"${BACKUP_FORMAT}","version":1,…})`,
      );
    }
    if (!READABLE_VERSIONS.includes(head.data.version))
      throw new WaylineError(
        "invalid_request",
        `${shown}: backup format version ${head.data.version} is ${head.data.version > BACKUP_VERSION ? "newer than" : "not one"} this Wayline reads (${BACKUP_VERSION})`,
      );
    const level = targetMigration(shown, head.data.migrations);
    if (level) await migrateTo(db, open.dialect, level);
    const known = new Map(
      (await dataTables(db, open.dialect)).map((t) => [t.name, new Set(t.columns)] as const),
    );
    const serials = (await dataTables(db, open.dialect)).filter((t) => t.serial.length);
    let files = 0;
    const events: Record<string, number> = {};
    const rows = await db.transaction().execute(async (tx) => {
      const tables = new TableWriter(tx, known);
      const dropped: string[] = [];
      let current: OpenFile | null = null;
      let ended: { rows: Record<string, number>; files: number; events?: Record<string, number> } | null =
        null;
      for await (const { line, value } of lines) {
        if (ended) throw bad(shown, line, "data after the end record");
        const parsed = BackupRecordSchema.safeParse(value);
        if (!parsed.success) throw bad(shown, line, "not a backup record (table row, file, chunk or end)");
        const r = parsed.data;
        if ("chunk" in r) {
          if (!current) throw bad(shown, line, "a chunk outside a file");
          const bytes = Buffer.from(r.chunk, "base64");
          current.hash.update(bytes);
          current.written += bytes.length;
          if (current.written > current.size)
            throw bad(shown, line, `${current.path}: more bytes than announced`);
          writeSync(current.fd, bytes);
          continue;
        }
        if (current) {
          finishFile(shown, current);
          current = null;
        }
        if ("table" in r) await tables.add(shown, line, r.table, r.row);
        else if ("file" in r) {
          await tables.flush();
          const path = join(target.dataDir, r.file);
          mkdirSync(dirname(path), { recursive: true });
          written.push(path, `${path}.restoring`);
          const fd = openSync(`${path}.restoring`, "wx", 0o600);
          current = {
            path,
            fd,
            size: r.size,
            sha256: r.sha256,
            written: 0,
            hash: createHash("sha256"),
            line,
          };
          files++;
        } else if ("missing" in r) dropped.push(r.log);
        else if ("events" in r) {
          await tables.flush();
          const id = r.events;
          const logEvents = target.logEvents;
          if (!logEvents)
            throw bad(shown, line, `log ${id} holds events and this restore has nowhere to put them`);
          const row = await sql<{ id: string }>`select id from event_logs where id = ${id}`.execute(tx);
          if (!row.rows.length) throw bad(shown, line, `events of log ${id}, which the backup does not list`);
          if (id in events) throw bad(shown, line, `the events of log ${id} appear twice`);
          const state = { count: 0, ended: null as number | null };
          loaded.push(id);
          await logEvents.load(id, sectionEvents(lines, shown, id, state));
          if (state.ended === null)
            throw bad(shown, line, `the events of log ${id} were not read to their end`);
          if (state.ended !== state.count)
            throw bad(
              shown,
              line,
              `log ${id}: ${state.count} events, its eventsEnd record says ${state.ended}`,
            );
          events[id] = state.count;
          await sql`update event_logs set engine = ${logEvents.engine} where id = ${id}`.execute(tx);
        } else if ("batch" in r || "eventsEnd" in r)
          throw bad(shown, line, "events outside a log's events section");
        else ended = r.end;
      }
      if (current) finishFile(shown, current);
      await tables.flush();
      if (!ended)
        throw new WaylineError(
          "invalid_request",
          `${shown}: truncated (no end record); nothing was restored`,
        );
      for (const [t, n] of Object.entries(ended.rows))
        if ((tables.rows[t] ?? 0) !== n)
          throw new WaylineError(
            "invalid_request",
            `${shown}: table ${t} has ${tables.rows[t] ?? 0} rows, the end record says ${n}`,
          );
      if (ended.files !== files)
        throw new WaylineError(
          "invalid_request",
          `${shown}: ${files} files, the end record says ${ended.files}`,
        );
      for (const [id, n] of Object.entries(ended.events ?? {}))
        if (events[id] !== n)
          throw new WaylineError(
            "invalid_request",
            `${shown}: log ${id} has ${events[id] ?? 0} events, the end record says ${n}`,
          );
      for (const id of Object.keys(events))
        if (!(id in (ended.events ?? {})))
          throw new WaylineError(
            "invalid_request",
            `${shown}: events of log ${id} the end record does not list`,
          );
      for (const id of dropped) await sql`delete from event_logs where id = ${id}`.execute(tx);
      return tables.rows;
    });
    for (const t of serials)
      for (const c of t.serial)
        await sql`select setval(pg_get_serial_sequence(${t.name}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(t.name)}), 0) + 1, false)`.execute(
          db,
        );
    const upgraded = await migrateToLatest(db, open.dialect);
    ok = true;
    return {
      dialect: open.dialect,
      from: head.data.dialect,
      rows,
      files,
      events,
      eventsEngine: loaded.length ? (target.logEvents?.engine ?? null) : null,
      upgraded,
    };
  } finally {
    if (!ok) {
      for (const f of written) rmSync(f, { force: true });
      for (const id of loaded) await target.logEvents?.discard(id).catch(() => {});
      if (open.dialect === "postgres") {
        const now = await schemaTableNames(db, open.dialect).catch(() => new Set<string>());
        for (const t of [...now].filter((x) => !before.has(x)))
          await sql`drop table if exists ${sql.table(t)} cascade`.execute(db).catch(() => {});
      }
    }
    await open.close();
    // The folder was empty or absent at the start: everything in it now is the restore's.
    if (!ok && existsSync(target.dataDir)) {
      if (createdFolder) rmSync(target.dataDir, { recursive: true, force: true });
      else
        for (const e of readdirSync(target.dataDir))
          rmSync(join(target.dataDir, e), { recursive: true, force: true });
    }
  }
}
