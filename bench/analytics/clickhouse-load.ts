/**
 * ClickHouse load: Wayline's engine load against ClickHouse's own `INSERT … FORMAT CSVWithNames`
 * of the same file (over HTTP, as `clickhouse-client` or curl would send it), in one run, runs
 * interleaved. Also times the importer path (the shared importer's events as TabSeparated — what
 * files with invalid rows and other formats take) and the previous JSONEachRow batches.
 * Usage: npx tsx bench/analytics/clickhouse-load.ts FILE [REPS] [MODES]
 *   MODES (comma-separated, default native,wayline-events,wayline,importer-tsv): also
 *   json-batches (the previous load; slow). `wayline` includes the per-case traces table.
 */
import { createReadStream, statSync } from "node:fs";
import { loadavg } from "node:os";
import { createClient } from "@clickhouse/client";
import { loadCsvBulk } from "../../src/analytics/clickhouse/bulk.ts";
import { ClickHouseEngine } from "../../src/analytics/clickhouse/clickhouse-engine.ts";
import { ClickHouse, clickhouseUrl } from "../../src/analytics/clickhouse/client.ts";
import { readCsvHeader } from "../../src/analytics/import/csv-reader.ts";
import { readEventLog } from "../../src/analytics/import/read-log.ts";
import { machine, median } from "./machine.ts";

const [file = "/tmp/wayline-bench-1m.csv", reps = "1", list = "native,wayline-events,wayline,importer-tsv"] =
  process.argv.slice(2);
const url = clickhouseUrl();
const client = createClient({
  url,
  request_timeout: 3_600_000,
  clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: "10000" },
});
const TABLE = `bench_native_${process.pid}`;

async function native(): Promise<number> {
  const { headers } = await readCsvHeader(file);
  await client.command({ query: `DROP TABLE IF EXISTS ${TABLE}` });
  await client.command({
    query: `CREATE TABLE ${TABLE} (${headers.map((h) => `\`${h}\` String`).join(", ")}) ENGINE = Log`,
  });
  const t = performance.now();
  await client.insert({ table: TABLE, values: createReadStream(file), format: "CSVWithNames" });
  const ms = performance.now() - t;
  await client.command({ query: `DROP TABLE ${TABLE}` });
  return ms;
}

async function wayline(): Promise<number> {
  const engine = await ClickHouseEngine.open(url);
  const t = performance.now();
  await engine.load({ file });
  const ms = performance.now() - t;
  await engine.close();
  return ms;
}

/** Wayline's events only (bulk.ts), without the per-case traces table the engine builds after. */
async function waylineEvents(): Promise<number> {
  const ch = new ClickHouse(url);
  const table = ch.table("events");
  await ch.run(`CREATE TABLE ${table} (case_id String, activity String, ts Int64, seq UInt64,
    attr_keys Array(String), attr_values Array(String)) ENGINE = Log`);
  const t = performance.now();
  await loadCsvBulk(ch, table, file, undefined);
  const ms = performance.now() - t;
  await ch.close(["events"]);
  return ms;
}

async function importerTsv(): Promise<number> {
  const engine = await ClickHouseEngine.open(url);
  const t = performance.now();
  await engine.load({ events: (await readEventLog(file)).events });
  const ms = performance.now() - t;
  await engine.close();
  return ms;
}

/** The load before this change: importer events as JSON objects, 100,000 per INSERT. */
async function jsonBatches(): Promise<number> {
  await client.command({ query: `DROP TABLE IF EXISTS ${TABLE}` });
  await client.command({
    query: `CREATE TABLE ${TABLE} (case_id String, activity String, ts Int64, seq UInt64, attr_keys Array(String), attr_values Array(String)) ENGINE = Log`,
  });
  const t = performance.now();
  let batch: Record<string, unknown>[] = [];
  for await (const e of (await readEventLog(file)).events) {
    const keys = Object.keys(e.attrs);
    batch.push({
      case_id: e.caseId,
      activity: e.activity,
      ts: e.timestamp,
      seq: e.seq,
      attr_keys: keys,
      attr_values: keys.map((k) => e.attrs[k]),
    });
    if (batch.length >= 100_000) {
      await client.insert({ table: TABLE, values: batch, format: "JSONEachRow" });
      batch = [];
    }
  }
  if (batch.length > 0) await client.insert({ table: TABLE, values: batch, format: "JSONEachRow" });
  const ms = performance.now() - t;
  await client.command({ query: `DROP TABLE ${TABLE}` });
  return ms;
}

const MODES: Record<string, () => Promise<number>> = {
  native,
  wayline,
  "wayline-events": waylineEvents,
  "importer-tsv": importerTsv,
  "json-batches": jsonBatches,
};
const modes = list.split(",");
const [count] = await (await client.query({ query: "SELECT 1 AS one", format: "JSONEachRow" })).json();
if (!count) throw new Error(`no ClickHouse at ${url}`);
const runs: Record<string, number[]> = Object.fromEntries(modes.map((m) => [m, []]));
const loads: number[] = [];
for (let i = 0; i < Number(reps); i++)
  for (const m of modes) {
    loads.push(loadavg()[0] as number);
    const ms = await (MODES[m] as () => Promise<number>)();
    runs[m]?.push(ms);
    console.error(`${m} run ${i + 1}: ${(ms / 1000).toFixed(2)} s`);
  }
await client.close();
const base = median(runs.native ?? []);
console.log(
  `${file} (${(statSync(file).size / 1e6).toFixed(0)} MB): ${reps} interleaved runs; ${machine(loads)}\n`,
);
console.log("| load | median s | runs (s) | vs native |\n|---|---|---|---|");
for (const m of modes) {
  const med = median(runs[m] ?? []);
  console.log(
    `| ${m} | ${(med / 1000).toFixed(2)} | ${(runs[m] ?? []).map((x) => (x / 1000).toFixed(2)).join(", ")} | ${base ? `${(med / base).toFixed(2)}×` : "–"} |`,
  );
}
