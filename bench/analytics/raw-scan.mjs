/**
 * DuckDB's raw typed scan of a benchmark CSV: read_csv with the column types given (no sniffing of
 * types), every column read once, trivial aggregates. The floor `wayline log stats` is measured
 * against (issue 14 item 7: within 2×). Plain node, no tsx, so it pays only node + DuckDB start-up.
 * Usage: node bench/analytics/raw-scan.mjs FILE   (prints JSON: events, cases)
 */
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2] ?? "/tmp/wayline-bench-1m.csv";
const db = await (await DuckDBInstance.create(":memory:")).connect();
const columns = `{'customer_id': 'VARCHAR', 'event': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', 'channel': 'VARCHAR', 'segment': 'VARCHAR'}`;
const reader = await db.runAndReadAll(`SELECT count(*) AS events, count(event) AS a, min(timestamp) AS t0,
  count(channel) AS ch, count(segment) AS sg FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = ${columns})`);
const [row] = reader.getRowObjectsJS();
console.log(JSON.stringify({ events: Number(row.events) }));
