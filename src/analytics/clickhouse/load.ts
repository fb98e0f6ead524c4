import type { EngineInput } from "../engine.ts";
import { readEventLog } from "../import/read-log.ts";
import type { ImportReport, LogEvent } from "../model.ts";
import type { ClickHouse } from "./client.ts";

const BATCH = 100_000;

function row(e: LogEvent): Record<string, unknown> {
  const keys = Object.keys(e.attrs);
  return {
    case_id: e.caseId,
    activity: e.activity,
    ts: e.timestamp,
    seq: e.seq,
    attr_keys: keys,
    attr_values: keys.map((k) => e.attrs[k]),
  };
}

async function insertAll(ch: ClickHouse, events: AsyncIterable<LogEvent> | LogEvent[]): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let n = 0;
  for await (const e of events) {
    batch.push(row(e));
    n++;
    if (batch.length >= BATCH) {
      await ch.insert(ch.table("events"), batch);
      batch = [];
    }
  }
  if (batch.length > 0) await ch.insert(ch.table("events"), batch);
  return n;
}

/**
 * Loads a log into this engine's events table (streamed through the shared importer in batches)
 * and builds the per-case traces table: activities and times sorted by (timestamp, file order).
 */
export async function loadClickHouse(ch: ClickHouse, input: EngineInput): Promise<ImportReport> {
  const events = ch.table("events");
  await ch.run(`DROP TABLE IF EXISTS ${events}`);
  await ch.run(`CREATE TABLE ${events} (case_id String, activity String, ts Int64, seq UInt64,
    attr_keys Array(String), attr_values Array(String)) ENGINE = Log`);
  let report: ImportReport;
  if ("events" in input) {
    const n = await insertAll(ch, input.events);
    report = { rows: n, events: n, errors: [] };
  } else {
    const stream = await readEventLog(input.file, input.options, { shown: input.name ?? input.file });
    await insertAll(ch, stream.events);
    report = stream.report;
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
  const n = await insertAll(ch, numbered());
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
