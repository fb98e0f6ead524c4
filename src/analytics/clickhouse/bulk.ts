import { execFileSync } from "node:child_process";
import { closeSync, constants, createReadStream, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { DuckDb } from "../duckdb/connection.ts";
import { loadCsvNative } from "../duckdb/load.ts";
import { sqlString } from "../duckdb/sql.ts";
import type { ImportOptionsInput, ImportReport, LogEvent } from "../model.ts";
import type { ClickHouse } from "./client.ts";

/**
 * Bulk loading into the events table `(case_id, activity, ts, seq, attr_keys, attr_values)`
 * through ClickHouse's own input formats, streamed into one `INSERT … FORMAT` per load (never a
 * JSON object per row):
 * - clean CSV files: DuckDB reads and validates the file with the importer's rules (the fast path
 *   of duckdb/load.ts, checked against the importer by its tests) and writes the rows as CSV,
 *   which ClickHouse reads with `FORMAT CSV`;
 * - everything else (other formats, options DuckDB does not mirror, files with invalid rows, live
 *   appends): the shared importer's events as TabSeparated lines, so rejected rows are reported
 *   by file, line and column exactly as for every other engine.
 */

/** TabSeparated text of a String value: backslash escapes for `\`, tab and line breaks. */
export function tsvText(v: string): string {
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : v;
}

/** A quoted array element as ClickHouse's text formats read it (`'…'`, `\` and `'` escaped). */
function quoted(v: string): string {
  return `'${/[\\'\t\n\r]/.test(v) ? tsvText(v).replace(/'/g, "\\'") : v}'`;
}

/** One event as a TabSeparated line of the events table. */
export function tsvLine(e: LogEvent): string {
  const keys: string[] = [];
  const values: string[] = [];
  for (const k in e.attrs) {
    keys.push(quoted(k));
    values.push(quoted(e.attrs[k] as string));
  }
  return `${tsvText(e.caseId)}\t${tsvText(e.activity)}\t${e.timestamp}\t${e.seq}\t[${keys.join(",")}]\t[${values.join(",")}]\n`;
}

/** Lines are sent in chunks of about this many characters (fewer, larger writes). */
const CHUNK_CHARS = 1 << 16;

/** Streams events into `table` as TabSeparated; returns how many were inserted. */
export async function insertTsv(
  ch: ClickHouse,
  table: string,
  events: AsyncIterable<LogEvent> | LogEvent[],
): Promise<number> {
  let n = 0;
  async function* chunks(): AsyncGenerator<string> {
    let buf = "";
    for await (const e of events) {
      buf += tsvLine(e);
      n++;
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = "";
      }
    }
    if (buf !== "") yield buf;
  }
  await ch.insertStream(table, Readable.from(chunks(), { objectMode: false }), "TabSeparated");
  return n;
}

/** DuckDB expression: a ClickHouse array literal (`['a','b']`) of the non-empty given columns. */
function chArraySql(items: { text: string; column: string }[]): string {
  if (items.length === 0) return "'[]'";
  const parts = items.map((x) => `CASE WHEN ${x.column} <> '' THEN ${x.text} END`);
  return `'[' || concat_ws(',', ${parts.join(", ")}) || ']'`;
}

/** DuckDB expression: a column's value as a quoted ClickHouse string literal. */
const quotedSql = (column: string) =>
  `'''' || replace(replace(${column}, '\\', '\\\\'), '''', '\\''') || ''''`;

/** Makes a named pipe (false where `mkfifo` is missing: the caller writes a file instead). */
function makeFifo(path: string): boolean {
  try {
    execFileSync("mkfifo", ["-m", "600", path], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs DuckDB's COPY into the named pipe `fifo` while `read` streams it to ClickHouse, so the rows
 * are never written to disk and both run at once. When COPY fails before opening the pipe, the
 * pipe is opened and closed here so the reader sees its end instead of waiting forever.
 */
async function copyThroughPipe(
  db: DuckDb,
  sql: string,
  fifo: string,
  read: (s: Readable) => Promise<void>,
): Promise<void> {
  const copy = db.run(sql).catch((e: unknown) => {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader left: nothing waits on the pipe.
    }
    throw e;
  });
  const [c, r] = await Promise.allSettled([copy, read(createReadStream(fifo))]);
  if (c.status === "rejected") throw c.reason;
  if (r.status === "rejected") throw r.reason;
}

/**
 * Loads a clean CSV file: DuckDB validates and converts it (in memory, spilling under its limits),
 * writes the events table's rows as CSV, and ClickHouse reads them with `INSERT … FORMAT CSV`. Returns null when DuckDB's fast path declines the file (invalid
 * rows, options it does not mirror): the caller streams it through the importer instead. The
 * CSV goes through a named pipe (DuckDB writes while ClickHouse reads), a file where there is none.
 */
export async function loadCsvBulk(
  ch: ClickHouse,
  table: string,
  file: string,
  options: ImportOptionsInput | undefined,
): Promise<ImportReport | null> {
  const db = await DuckDb.open();
  const dir = mkdtempSync(join(process.env.WAYLINE_DUCKDB_TEMP_DIR?.trim() || tmpdir(), "wayline-ch-load-"));
  try {
    const native = await loadCsvNative(db, file, { ...(options ? { options } : {}) }, "columns");
    if (!native) return null;
    // Header names are known here: each key is a constant literal, kept where its value is non-empty.
    const items = native.attrs.names.map((name, i) => ({ name, column: `a${i}` }));
    const keys = chArraySql(items.map((x) => ({ column: x.column, text: sqlString(quoted(x.name)) })));
    const values = chArraySql(items.map((x) => ({ column: x.column, text: quotedSql(x.column) })));
    const out = join(dir, "events.csv");
    const sql = `COPY (SELECT case_id, activity, ts, rowid AS seq, ${keys} AS k, ${values} AS v FROM events)
      TO ${sqlString(out)} (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', FORCE_QUOTE (case_id, activity, k, v), USE_TMP_FILE false)`;
    if (makeFifo(out)) await copyThroughPipe(db, sql, out, (s) => ch.insertStream(table, s, "CSV"));
    else {
      await db.run(sql);
      await ch.insertStream(table, createReadStream(out), "CSV");
    }
    const { attrs: _, ...report } = native;
    return report;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
