/**
 * Hand-written DuckDB SQL answering `wayline log stats` on the benchmark CSV: what an analyst would
 * write (auto-detected read_csv, ordered string_agg per case). Plain node, no tsx, so it pays only
 * node + DuckDB start-up. Usage: node bench/analytics/stats-baseline.mjs FILE   (prints JSON)
 */
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2] ?? "/tmp/wayline-bench-1m.csv";
const db = await (await DuckDBInstance.create(":memory:")).connect();
const rows = async (sql) =>
  JSON.parse(
    JSON.stringify((await db.runAndReadAll(sql)).getRowObjectsJS(), (_, v) =>
      typeof v === "bigint" ? Number(v) : v,
    ),
  );
await db.run(`CREATE TABLE e AS SELECT customer_id AS c, event AS a, epoch_ms(timestamp::TIMESTAMPTZ) AS ts,
  row_number() OVER () AS seq FROM read_csv('${file}')`);
await db.run(`CREATE TABLE t AS SELECT c, string_agg(a, chr(31) ORDER BY ts, seq) AS v, min(ts) AS t0, max(ts) AS t1,
  arg_min(a, (ts, seq)) AS first, arg_max(a, (ts, seq)) AS last FROM e GROUP BY c`);
const [s] =
  await rows(`SELECT (SELECT count(*) FROM e) AS events, (SELECT count(DISTINCT a) FROM e) AS activities,
  count(*) AS cases, count(DISTINCT v) AS variants, quantile_cont(t1 - t0, 0.5) AS medianMs, avg(t1 - t0) AS meanMs,
  quantile_cont(t1 - t0, 0.9) AS p90Ms, min(t1 - t0) AS minMs, max(t1 - t0) AS maxMs FROM t`);
const counts = (col) =>
  rows(`SELECT ${col} AS activity, count(*) AS count FROM t GROUP BY 1 ORDER BY 2 DESC, 1`);
const { medianMs, meanMs, p90Ms, minMs, maxMs, ...rest } = s;
console.log(
  JSON.stringify({
    ...rest,
    startActivities: await counts("first"),
    endActivities: await counts("last"),
    caseDuration: { medianMs, meanMs, p90Ms, minMs, maxMs },
  }),
);
