import type { DuckDBAppender } from "@duckdb/node-api";
import type { EngineInput } from "../engine.ts";
import { detectColumns } from "../import/columns.ts";
import { readCsvHeader } from "../import/csv-reader.ts";
import { detectFormat, parseImportOptions, readEventLog } from "../import/read-log.ts";
import { EPOCH_PATTERN, EPOCH_SECONDS_LIMIT, TIMESTAMP_PATTERN } from "../import/timestamp.ts";
import type { ImportOptionsInput, ImportReport, LogEvent } from "../model.ts";
import type { DuckDb } from "./connection.ts";
import { sqlIdent, sqlString } from "./sql.ts";

const EVENTS_DDL =
  "CREATE OR REPLACE TABLE events (case_id VARCHAR, activity VARCHAR, ts BIGINT, seq BIGINT, attrs VARCHAR)";

/** SQL equivalent of `parseTimestamp` for a trimmed VARCHAR expression (NULL when invalid). */
export function timestampSql(v: string): string {
  return `CASE WHEN regexp_full_match(${v}, ${sqlString(EPOCH_PATTERN)})
    THEN (CASE WHEN abs(${v}::DOUBLE) < ${EPOCH_SECONDS_LIMIT} THEN floor(${v}::DOUBLE * 1000) ELSE floor(${v}::DOUBLE) END)::BIGINT
    WHEN regexp_full_match(${v}, ${sqlString(TIMESTAMP_PATTERN)}) THEN epoch_ms(try_cast(${v} AS TIMESTAMPTZ))
    ELSE NULL END`;
}

async function appendAll(
  appender: DuckDBAppender,
  events: AsyncIterable<LogEvent> | LogEvent[],
): Promise<void> {
  for await (const e of events) {
    appender.appendVarchar(e.caseId);
    appender.appendVarchar(e.activity);
    appender.appendBigInt(BigInt(e.timestamp));
    appender.appendBigInt(BigInt(e.seq));
    appender.appendVarchar(JSON.stringify(e.attrs));
    appender.endRow();
  }
  appender.closeSync();
}

/** Loads normalised events through DuckDB's appender into the `events` table. */
async function loadStream(db: DuckDb, input: EngineInput): Promise<ImportReport> {
  await db.run(EVENTS_DDL);
  const appender = await db.conn.createAppender("events");
  if ("events" in input) {
    await appendAll(appender, input.events);
    const n = Number((await db.rows("SELECT count(*) AS n FROM events"))[0]?.n);
    return { rows: n, events: n, errors: [] };
  }
  const stream = await readEventLog(input.file, input.options);
  await appendAll(appender, stream.events);
  return stream.report;
}

/**
 * Fast path for CSV files: DuckDB's own `read_csv` (all columns as text, our header names and
 * delimiter), converted with the same rules as the TypeScript importer. Returns null — and the
 * caller falls back to the streaming importer, which reports invalid rows by line — when DuckDB
 * cannot read the file strictly or any row is invalid.
 */
async function loadCsvNative(
  db: DuckDb,
  file: string,
  input: { options?: ImportOptionsInput },
): Promise<ImportReport | null> {
  const o = parseImportOptions(input.options);
  const head = await readCsvHeader(file, o.delimiter);
  const mapping = detectColumns(head.headers, { case: o.case, activity: o.activity, timestamp: o.timestamp });
  const names = head.headers;
  const others = names.filter((n) => n !== mapping.case && n !== mapping.activity && n !== mapping.timestamp);
  const attrs =
    others.length === 0
      ? "'{}'"
      : `json_object(${others.map((n) => `${sqlString(n)}, ${sqlIdent(n)}`).join(", ")})::VARCHAR`;
  const read = `read_csv(${sqlString(file)}, all_varchar = true, header = true, delim = ${sqlString(head.delimiter)}, quote = '"', escape = '"', strict_mode = true, names = [${names.map(sqlString).join(", ")}])`;
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE raw_csv AS SELECT * FROM ${read}`);
    await db.run(`CREATE OR REPLACE TABLE events AS SELECT trim(${sqlIdent(mapping.case)}) AS case_id,
      trim(${sqlIdent(mapping.activity)}) AS activity, ${timestampSql(`trim(${sqlIdent(mapping.timestamp)})`)} AS ts,
      rowid AS seq, ${attrs} AS attrs FROM raw_csv`);
  } catch {
    return null;
  } finally {
    await db.run("DROP TABLE IF EXISTS raw_csv");
  }
  const [check] = await db.rows(
    "SELECT count(*) AS n, count(*) FILTER (WHERE coalesce(case_id, '') = '' OR coalesce(activity, '') = '' OR ts IS NULL) AS bad FROM events",
  );
  if (Number(check?.bad) > 0) return null;
  const n = Number(check?.n);
  return { rows: n, events: n, errors: [], mapping };
}

/** Loads a log into the `events` table, using `read_csv` for clean CSV files. */
export async function loadEvents(db: DuckDb, input: EngineInput): Promise<ImportReport> {
  if ("file" in input && (input.options?.format ?? detectFormat(input.file)) === "csv") {
    const native = await loadCsvNative(db, input.file, input);
    if (native) return native;
  }
  return loadStream(db, input);
}
