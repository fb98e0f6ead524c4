/**
 * One timed run in its own process (so peak RSS is per engine).
 * Usage: npx tsx bench/analytics/run-one.ts ENGINE FILE   (ENGINE: duckdb|clickhouse|reference|duckdb-sql)
 * Prints JSON: load, stats, funnel, variants (ms) and maxRssMB.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { type EngineName, openEngine } from "../../src/analytics/registry.ts";

const FUNNEL = {
  steps: ["Visit", "Sign up", "Add to cart", "Checkout", "Purchase"],
  windowMs: 14 * 86_400_000,
};

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return Math.round(performance.now() - t);
}

/** Hand-written DuckDB SQL over the same file: the floor our engine is compared with. */
async function baseline(file: string): Promise<Record<string, number>> {
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  const q = (sql: string) => db.runAndReadAll(sql);
  const load = await timed(() =>
    q(
      `CREATE TABLE e AS SELECT customer_id AS c, event AS a, epoch_ms(timestamp::TIMESTAMPTZ) AS ts, row_number() OVER () AS seq FROM read_csv('${file}')`,
    ),
  );
  const stats = await timed(() =>
    q(
      `SELECT count(*), count(DISTINCT c), count(DISTINCT a), (SELECT count(DISTINCT v) FROM (SELECT string_agg(a, ',' ORDER BY ts, seq) v FROM e GROUP BY c)) FROM e`,
    ),
  );
  const variants = await timed(() =>
    q(
      "SELECT v, count(*) n FROM (SELECT string_agg(a, ',' ORDER BY ts, seq) v FROM e GROUP BY c) GROUP BY v ORDER BY n DESC LIMIT 10",
    ),
  );
  const steps = FUNNEL.steps.map((s) => `'${s}'`);
  const funnel = await timed(() =>
    q(`WITH s1 AS (SELECT c, min(ts) t0 FROM e WHERE a = ${steps[0]} GROUP BY c),
      s2 AS (SELECT s.c, s.t0, min(e.ts) t FROM s1 s JOIN e ON e.c = s.c AND e.a = ${steps[1]} AND e.ts >= s.t0 AND e.ts - s.t0 <= ${FUNNEL.windowMs} GROUP BY ALL),
      s3 AS (SELECT s.c, s.t0, min(e.ts) t FROM s2 s JOIN e ON e.c = s.c AND e.a = ${steps[2]} AND e.ts >= s.t AND e.ts - s.t0 <= ${FUNNEL.windowMs} GROUP BY ALL),
      s4 AS (SELECT s.c, s.t0, min(e.ts) t FROM s3 s JOIN e ON e.c = s.c AND e.a = ${steps[3]} AND e.ts >= s.t AND e.ts - s.t0 <= ${FUNNEL.windowMs} GROUP BY ALL),
      s5 AS (SELECT s.c, s.t0, min(e.ts) t FROM s4 s JOIN e ON e.c = s.c AND e.a = ${steps[4]} AND e.ts >= s.t AND e.ts - s.t0 <= ${FUNNEL.windowMs} GROUP BY ALL)
      SELECT (SELECT count(*) FROM s1), (SELECT count(*) FROM s2), (SELECT count(*) FROM s3), (SELECT count(*) FROM s4), (SELECT count(*) FROM s5),
        (SELECT quantile_cont(t - t0, 0.5) FROM s5)`),
  );
  return { load, stats, funnel, variants };
}

async function engineRun(name: EngineName, file: string): Promise<Record<string, number>> {
  const engine = await openEngine(name);
  const load = await timed(() => engine.load({ file }));
  const stats = await timed(() => engine.stats());
  const funnel = await timed(() => engine.funnel(FUNNEL));
  const variants = await timed(() => engine.variants({ top: 10 }));
  await engine.close();
  return { load, stats, funnel, variants };
}

const [engine = "duckdb", file = "/tmp/wayline-bench-1m.csv"] = process.argv.slice(2);
const result = engine === "duckdb-sql" ? await baseline(file) : await engineRun(engine as EngineName, file);
console.log(
  JSON.stringify({ engine, ...result, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
