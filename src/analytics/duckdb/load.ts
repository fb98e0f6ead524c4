import type { DuckDBAppender } from "@duckdb/node-api";
import { chooseConnector } from "../../domain/connectors/index.ts";
import type { EngineInput } from "../engine.ts";
import { detectColumnsByName } from "../import/columns.ts";
import { readCsvHeader } from "../import/csv-reader.ts";
import { intervalStartColumn } from "../import/interval.ts";
import { assertRegularFile } from "../import/limits.ts";
import { detectFormat, parseImportOptions, readEventLog } from "../import/read-log.ts";
import { EPOCH_PATTERN, EPOCH_UNITS, MAX_TIMESTAMP_MS, TIMESTAMP_PATTERN } from "../import/timestamp.ts";
import type { ImportOptionsInput, ImportReport, LogEvent } from "../model.ts";
import type { DuckDb } from "./connection.ts";
import { sqlIdent, sqlString } from "./sql.ts";

/** Input table of the stream path; `seq` is dropped once rows are in `seq` order (see layout.ts). */
const EVENTS_DDL =
  "CREATE OR REPLACE TABLE events (case_id VARCHAR, activity VARCHAR, ts BIGINT, attrs VARCHAR, seq BIGINT)";

/**
 * SQL equivalent of `parseTimestamp` for a trimmed VARCHAR expression (NULL when invalid). The
 * text pattern is tried first (the common case); the two patterns are disjoint (a text timestamp
 * has a '-' or '/' after four digits, an epoch number never does), so the order does not change
 * results. DuckDB's TIMESTAMPTZ cast reads the slash form (`YYYY/MM/DD…`) like the dash form. What
 * it does not read is rewritten first, only for values the plain cast refuses (`castable`): a
 * comma before the fraction, a space before the offset, `z`, an hour-only offset and an offset on
 * a date without a time (duckdb-engine.test.ts pins that every layout gives parseTimestamp's value).
 */
export function timestampSql(v: string): string {
  const d = `try_cast(${v} AS DOUBLE)`;
  const units = EPOCH_UNITS.map((u) => {
    const ms = `floor(${d} * ${u.times} / ${u.per})`;
    return `WHEN abs(${d}) < ${u.below} THEN (CASE WHEN abs(${ms}) <= ${MAX_TIMESTAMP_MS} THEN ${ms}::BIGINT END)`;
  }).join(" ");
  return `CASE WHEN regexp_full_match(${v}, ${sqlString(TIMESTAMP_PATTERN)}) THEN
      coalesce(epoch_ms(try_cast(${v} AS TIMESTAMPTZ)), epoch_ms(try_cast(${castable(v)} AS TIMESTAMPTZ)))
    WHEN regexp_full_match(${v}, ${sqlString(EPOCH_PATTERN)}) THEN (CASE ${units} END)
    ELSE NULL END`;
}

/**
 * A value matching TIMESTAMP_PATTERN in the shape DuckDB's cast reads: `,` → `.`, no space before
 * the offset, `z` → `Z`, `±HH` → `±HH:00`, midnight on a date that has an offset but no time.
 */
function castable(v: string): string {
  const zone = "(Z|z|[+-]\\d{2}(?::?\\d{2})?)$";
  let x = `replace(${v}, ',', '.')`;
  x = `regexp_replace(${x}, ${sqlString(` ?${zone}`)}, '\\1')`;
  x = `regexp_replace(${x}, 'z$', 'Z')`;
  x = `regexp_replace(${x}, '([+-]\\d{2})$', '\\1:00')`;
  return `regexp_replace(${x}, '^(\\d{4}[-/]\\d{2}[-/]\\d{2})([Z+-])', '\\1 00:00:00\\2')`;
}

/** `trim(v)`, skipping the copy for the usual value without edge spaces (trim is costly per row). */
function trimSql(v: string): string {
  return `CASE WHEN ${v} LIKE ' %' OR ${v} LIKE '% ' THEN trim(${v}) ELSE ${v} END`;
}

async function appendAll(
  appender: DuckDBAppender,
  events: AsyncIterable<LogEvent> | LogEvent[],
): Promise<void> {
  for await (const e of events) {
    appender.appendVarchar(e.caseId);
    appender.appendVarchar(e.activity);
    appender.appendBigInt(BigInt(e.timestamp));
    appender.appendVarchar(JSON.stringify(e.attrs));
    appender.appendBigInt(BigInt(e.seq));
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Appends events after the held ones (`rowid` continues, so it stays the `seq` tie-breaker); the
 * caller forgets the derived tables. Returns how many were appended.
 */
export async function appendEvents(
  db: DuckDb,
  events: AsyncIterable<LogEvent> | LogEvent[],
): Promise<number> {
  const appender = await db.conn.createAppender("events");
  let n = 0;
  for await (const e of events) {
    appender.appendVarchar(e.caseId);
    appender.appendVarchar(e.activity);
    appender.appendBigInt(BigInt(e.timestamp));
    appender.appendVarchar(JSON.stringify(e.attrs));
    appender.endRow();
    n++;
  }
  appender.closeSync();
  return n;
}

/** Leaves `events` in `seq` order without the column, so `rowid` takes its place. */
async function orderBySeq(db: DuckDb): Promise<void> {
  const [o] = await db.rows(
    "SELECT count(*) FILTER (WHERE d <= 0) AS unordered FROM (SELECT seq - lag(seq) OVER (ORDER BY rowid) AS d FROM events)",
  );
  if (Number(o?.unordered) > 0)
    await db.run("CREATE OR REPLACE TABLE events AS SELECT * EXCLUDE (seq) FROM events ORDER BY seq");
  else await db.run("ALTER TABLE events DROP COLUMN seq");
}

/** Loads normalised events through DuckDB's appender into the `events` table. */
async function loadStream(db: DuckDb, input: EngineInput): Promise<ImportReport> {
  await db.run(EVENTS_DDL);
  const appender = await db.conn.createAppender("events");
  if ("events" in input) {
    await appendAll(appender, input.events);
    await orderBySeq(db);
    const n = Number((await db.rows("SELECT count(*) AS n FROM events"))[0]?.n);
    return { rows: n, events: n, errors: [] };
  }
  const stream = await readEventLog(input.file, input.options, { shown: input.name ?? input.file });
  await appendAll(appender, stream.events);
  await orderBySeq(db);
  return stream.report;
}

/** Attribute columns of a natively read CSV: their names, and the column `a<i>` holding each. */
export type NativeAttrs = { names: string[] };

/**
 * Fast path for CSV files: DuckDB's own `read_csv` (all columns as text, our header names and
 * delimiter), converted with the same rules as the TypeScript importer. Returns null — and the
 * caller falls back to the streaming importer, which reports invalid rows by line — when DuckDB
 * cannot read the file strictly or any row is invalid. `attrs: "columns"` keeps each attribute
 * as its own column `a0, a1, …` (named in the answer's `attrs`) instead of the JSON `attrs`;
 * `attrs: "none"` keeps no attribute at all (`events (case_id, activity, ts)`: about a third less
 * work for a one-shot question of the sequences, see `EngineInput.attributes`).
 */
export async function loadCsvNative(
  db: DuckDb,
  file: string,
  input: { options?: ImportOptionsInput },
  attrsAs: "json" | "columns" | "none" = "json",
): Promise<(ImportReport & { attrs: NativeAttrs }) | null> {
  const o = parseImportOptions(input.options);
  // Only the default reading is mirrored in SQL; other timestamp or lifecycle options stream.
  // A classifier is refused on a CSV by the streaming reader (it names XES declarations).
  if (
    o.timestampFormat !== undefined ||
    o.timezone !== undefined ||
    o.lifecycle !== "all" ||
    o.classifier !== undefined
  )
    return null;
  const head = await readCsvHeader(file, o.delimiter);
  // Another tool's export is read by its connector (streaming path).
  const given = o.case !== undefined || o.activity !== undefined || o.timestamp !== undefined;
  if (o.connector !== "none" && !given && chooseConnector(head.headers, o.connector)) return null;
  // Known names only (the header is all this path sees); other headers are left to the streaming
  // importer, which also scores the columns' content.
  const named = detectColumnsByName(head.headers, {
    case: o.case,
    activity: o.activity,
    timestamp: o.timestamp,
  });
  if (!named) return null;
  const mapping = named.mapping;
  // Interval logs get their durations from the streaming importer (import/interval.ts).
  if (intervalStartColumn(head.headers, mapping) !== undefined) return null;
  const names = head.headers;
  const others = names.filter((n) => n !== mapping.case && n !== mapping.activity && n !== mapping.timestamp);
  const json =
    others.length === 0
      ? "'{}'"
      : `json_object(${others.map((n) => `${sqlString(n)}, ${sqlIdent(n)}`).join(", ")})::VARCHAR`;
  const attrs =
    attrsAs === "json"
      ? `${json} AS attrs`
      : attrsAs === "none"
        ? ""
        : others.map((n, i) => `${sqlIdent(n)} AS a${i}`).join(", ");
  const attrCols =
    attrsAs === "json" ? "attrs" : attrsAs === "none" ? "" : others.map((_, i) => `a${i}`).join(", ");
  const read = `read_csv(${sqlString(file)}, all_varchar = true, header = true, delim = ${sqlString(head.delimiter)}, quote = '"', escape = '"', strict_mode = true, names = [${names.map(sqlString).join(", ")}])`;
  // One pass from the file into `events`; file order is kept (preserve_insertion_order), so rowid = seq.
  const trimmed = `${trimSql(sqlIdent(mapping.case))} AS case_id, ${trimSql(sqlIdent(mapping.activity))} AS activity,
    ${trimSql(sqlIdent(mapping.timestamp))} AS ts_text${attrs === "" ? "" : `, ${attrs}`}`;
  try {
    await db.run(`CREATE OR REPLACE TABLE events AS SELECT case_id, activity, ${timestampSql("ts_text")} AS ts${attrCols === "" ? "" : `, ${attrCols}`}
      FROM (SELECT ${trimmed} FROM ${read})`);
  } catch {
    return null;
  }
  const [check] = await db.rows(
    "SELECT count(*) AS n, count(*) FILTER (WHERE coalesce(case_id, '') = '' OR coalesce(activity, '') = '' OR ts IS NULL) AS bad FROM events",
  );
  if (Number(check?.bad) > 0) return null;
  const n = Number(check?.n);
  return { rows: n, events: n, errors: [], mapping, mappingChoice: named.choice, attrs: { names: others } };
}

/**
 * Loads a log into the `events` table, using `read_csv` for clean CSV files. `attributes` is
 * false when `events` was left without its `attrs` column (a clean CSV read for
 * `EngineInput.attributes: false`); the streaming path always keeps them.
 */
export async function loadEvents(
  db: DuckDb,
  input: EngineInput,
): Promise<{ report: ImportReport; attributes: boolean }> {
  // Before DuckDB's read_csv sees it: /dev/zero or a FIFO would never end.
  if ("file" in input) await assertRegularFile(input.file, input.name ?? input.file);
  if ("file" in input && (input.options?.format ?? detectFormat(input.file)) === "csv") {
    const keep = input.attributes !== false;
    const native = await loadCsvNative(db, input.file, input, keep ? "json" : "none");
    if (native) {
      const { attrs: _, ...report } = native;
      return { report, attributes: keep };
    }
  }
  return { report: await loadStream(db, input), attributes: true };
}
