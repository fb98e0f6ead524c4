import type { EngineInput } from "../engine.ts";
import { assertRegularFile } from "../import/limits.ts";
import { detectFormat, readEventLog } from "../import/read-log.ts";
import type { ImportReport, LogEvent } from "../model.ts";
import { insertTsv, loadCsvBulk } from "./bulk.ts";
import type { ClickHouse } from "./client.ts";

/**
 * Loads a log into this engine's events table (bulk.ts: clean CSV validated by DuckDB and sent as
 * CSV, everything else streamed from the shared importer as TabSeparated) and builds the per-case traces table: activities and times sorted by (timestamp, file order).
 */
export async function loadClickHouse(ch: ClickHouse, input: EngineInput): Promise<ImportReport> {
  const events = ch.table("events");
  await ch.run(`DROP TABLE IF EXISTS ${events}`);
  await ch.run(`CREATE TABLE ${events} (case_id String, activity String, ts Int64, seq UInt64,
    attr_keys Array(String), attr_values Array(String)) ENGINE = Log`);
  let report: ImportReport | null = null;
  if ("events" in input) {
    const n = await insertTsv(ch, events, input.events);
    report = { rows: n, events: n, errors: [] };
  } else {
    const shown = input.name ?? input.file;
    await assertRegularFile(input.file, shown);
    if ((input.options?.format ?? detectFormat(input.file)) === "csv")
      report = await loadCsvBulk(ch, events, input.file, input.options);
    if (!report) {
      const stream = await readEventLog(input.file, input.options, { shown });
      await insertTsv(ch, events, stream.events);
      report = stream.report;
    }
  }
  const traces = ch.table("traces");
  await ch.run(`DROP TABLE IF EXISTS ${traces}`);
  await ch.run(`CREATE TABLE ${traces} ENGINE = Log AS ${tracesSql(events)}`);
  return report;
}

/**
 * Appends events after the held ones (`seq` continues from the largest held) and rebuilds the
 * traces table. Returns how many were appended.
 */
export async function appendClickHouse(
  ch: ClickHouse,
  events: AsyncIterable<LogEvent> | LogEvent[],
): Promise<number> {
  const table = ch.table("events");
  const [top] = await ch.rows(`SELECT count(*) AS n, max(seq) AS m FROM ${table}`);
  let next = Number(top?.n) === 0 ? 0 : Number(top?.m) + 1;
  async function* numbered(): AsyncGenerator<LogEvent> {
    for await (const e of events) yield { ...e, seq: next++ };
  }
  const n = await insertTsv(ch, table, numbered());
  if (n > 0) {
    const traces = ch.table("traces");
    await ch.run(`DROP TABLE IF EXISTS ${traces}`);
    await ch.run(`CREATE TABLE ${traces} ENGINE = Log AS ${tracesSql(table)}`);
  }
  return n;
}

/** Per-case ordered arrays; with `by`, also the attribute's values in the same order. */
export function tracesSql(events: string, byExpr?: string): string {
  const vals = byExpr ? `, arraySort((v, k) -> k, groupArray(${byExpr}), groupArray((ts, seq))) AS vals` : "";
  return `SELECT case_id, arraySort((a, k) -> k, groupArray(activity), groupArray((ts, seq))) AS acts,
    arraySort((t, k) -> k, groupArray(ts), groupArray((ts, seq))) AS tss${vals} FROM ${events} GROUP BY case_id`;
}
