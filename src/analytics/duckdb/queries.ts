import type { DfgEdge, LogStats, PathsResult, VariantsResult } from "../engine.ts";
import { SEQUENCE_SEPARATOR } from "../percentile.ts";
import type { DuckDb } from "./connection.ts";
import { sqlString } from "./sql.ts";

const SEP = "chr(31)";
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const split = (key: unknown): string[] =>
  typeof key === "string" && key !== "" ? key.split(SEQUENCE_SEPARATOR) : [];

/** Builds `ev` (events with their position in the case) and `traces` (one row per case). */
export async function buildDerivedTables(db: DuckDb): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ev AS SELECT case_id, activity, ts, seq, attrs,
    row_number() OVER (PARTITION BY case_id ORDER BY ts, seq) AS pos FROM events`);
  await db.run("DROP TABLE events");
  await db.run(`CREATE OR REPLACE TABLE traces AS SELECT case_id, string_agg(activity, ${SEP} ORDER BY pos) AS seqkey,
    min(ts) AS t0, max(ts) AS t1, arg_min(activity, pos) AS first_act, arg_max(activity, pos) AS last_act
    FROM ev GROUP BY case_id`);
}

async function activityCounts(db: DuckDb, column: string): Promise<LogStats["startActivities"]> {
  const rows = await db.rows(
    `SELECT ${column} AS activity, count(*) AS n FROM traces GROUP BY 1 ORDER BY n DESC, activity`,
  );
  return rows.map((r) => ({ activity: String(r.activity), count: num(r.n) }));
}

/** `stats()` in DuckDB SQL. */
export async function duckStats(db: DuckDb): Promise<LogStats> {
  const [e] = await db.rows("SELECT count(*) AS events, count(DISTINCT activity) AS activities FROM ev");
  const [t] = await db.rows(`SELECT count(*) AS cases, count(DISTINCT seqkey) AS variants,
    quantile_cont((t1 - t0)::DOUBLE, 0.5) AS med, avg(t1 - t0) AS mean, quantile_cont((t1 - t0)::DOUBLE, 0.9) AS p90,
    min(t1 - t0) AS mn, max(t1 - t0) AS mx FROM traces`);
  return {
    events: num(e?.events),
    cases: num(t?.cases),
    activities: num(e?.activities),
    variants: num(t?.variants),
    startActivities: await activityCounts(db, "first_act"),
    endActivities: await activityCounts(db, "last_act"),
    caseDuration: {
      medianMs: num(t?.med),
      meanMs: num(t?.mean),
      p90Ms: num(t?.p90),
      minMs: num(t?.mn),
      maxMs: num(t?.mx),
    },
  };
}

/** `variants()` in DuckDB SQL. */
export async function duckVariants(db: DuckDb, top: number): Promise<VariantsResult> {
  const [t] = await db.rows("SELECT count(*) AS cases, count(DISTINCT seqkey) AS total FROM traces");
  const rows = await db.rows(
    `SELECT seqkey, count(*) AS n FROM traces GROUP BY seqkey ORDER BY n DESC, seqkey LIMIT ${top}`,
  );
  const cases = num(t?.cases);
  const variants = rows.map((r) => ({
    activities: split(r.seqkey),
    count: num(r.n),
    share: num(r.n) / cases,
  }));
  const covered = variants.reduce((s, v) => s + v.count, 0);
  return { cases, total: num(t?.total), variants, coverage: cases === 0 ? 0 : covered / cases };
}

/** `dfg()` in DuckDB SQL (lead over the case order). */
export async function duckDfg(db: DuckDb): Promise<DfgEdge[]> {
  const rows =
    await db.rows(`SELECT f, t, count(*) AS n, avg(d) AS mean, quantile_cont(d::DOUBLE, 0.5) AS med FROM (
      SELECT activity AS f, lead(activity) OVER w AS t, lead(ts) OVER w - ts AS d FROM ev
      WINDOW w AS (PARTITION BY case_id ORDER BY pos)) WHERE t IS NOT NULL
    GROUP BY f, t ORDER BY n DESC, f, t`);
  return rows.map((r) => ({
    from: String(r.f),
    to: String(r.t),
    count: num(r.n),
    meanMs: num(r.mean),
    medianMs: num(r.med),
  }));
}

/** `paths()` in DuckDB SQL: events within `depth` of the first anchor occurrence. */
export async function duckPaths(
  db: DuckDb,
  q: { from?: string; to?: string; depth: number; top: number },
): Promise<PathsResult> {
  const anchor = (q.from ?? q.to) as string;
  const range =
    q.from !== undefined
      ? `e.pos > a.p AND e.pos <= a.p + ${q.depth}`
      : `e.pos < a.p AND e.pos >= a.p - ${q.depth}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE path_keys AS
    WITH a AS (SELECT case_id, min(pos) AS p FROM ev WHERE activity = ${sqlString(anchor)} GROUP BY case_id)
    SELECT coalesce(string_agg(e.activity, ${SEP} ORDER BY e.pos), '') AS k
    FROM a LEFT JOIN ev e ON e.case_id = a.case_id AND ${range} GROUP BY a.case_id`);
  const [t] = await db.rows("SELECT count(*) AS cases, count(DISTINCT k) AS distinct_paths FROM path_keys");
  const rows = await db.rows(
    `SELECT k, count(*) AS n FROM path_keys GROUP BY k ORDER BY n DESC, k LIMIT ${q.top}`,
  );
  await db.run("DROP TABLE path_keys");
  const paths = rows.map((r) => ({ activities: split(r.k), count: num(r.n) }));
  const cases = num(t?.cases);
  return {
    anchor,
    direction: q.from !== undefined ? "from" : "to",
    cases,
    paths,
    other: cases - paths.reduce((s, p) => s + p.count, 0),
    otherPaths: num(t?.distinct_paths) - paths.length,
  };
}
