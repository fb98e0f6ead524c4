import type { DfgEdge, LogStats, PathsResult, VariantsResult } from "../engine.ts";
import { SEQUENCE_SEPARATOR } from "../percentile.ts";
import { statsFromRows } from "../stats-rows.ts";
import type { DuckDb } from "./connection.ts";
import { sqlString } from "./sql.ts";

const SEP = "chr(31)";
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const split = (key: unknown): string[] =>
  typeof key === "string" && key !== "" ? key.split(SEQUENCE_SEPARATOR) : [];

async function activityCounts(db: DuckDb, end: "1" | "-1"): Promise<LogStats["startActivities"]> {
  const rows = await db.rows(
    `SELECT acts[${end}] AS activity, sum(cnt) AS n FROM variants GROUP BY 1 ORDER BY n DESC, activity`,
  );
  return rows.map((r) => ({ activity: String(r.activity), count: num(r.n) }));
}

/** `stats()` in DuckDB SQL; needs `variants` (start/end activities are functions of the variant). */
export async function duckStats(db: DuckDb): Promise<LogStats> {
  const [e] = await db.rows("SELECT count(*) AS events, count(DISTINCT activity) AS activities FROM events");
  const [v] = await db.rows("SELECT count(*) AS variants FROM variants");
  const [t] = await db.rows(`SELECT count(*) AS cases, quantile_cont(d::DOUBLE, 0.5) AS med, avg(d) AS mean,
    quantile_cont(d::DOUBLE, 0.9) AS p90, min(d) AS mn, max(d) AS mx
    FROM (SELECT unnest(durs) AS d FROM variants)`);
  return statsFromRows({
    events: e,
    durations: t,
    variants: v?.variants,
    startActivities: await activityCounts(db, "1"),
    endActivities: await activityCounts(db, "-1"),
  });
}

/** `variants()` in DuckDB SQL over `variants` (or `from`: `variantsBeforeSql`). Ties by the U+001F-joined sequence (decision A4). */
export async function duckVariants(db: DuckDb, top: number, from = "variants"): Promise<VariantsResult> {
  const [t] = await db.rows(`SELECT coalesce(sum(cnt), 0) AS cases, count(*) AS total FROM ${from}`);
  const rows = await db.rows(
    `SELECT acts, cnt FROM ${from} ORDER BY cnt DESC, array_to_string(acts, ${SEP}) LIMIT ${top}`,
  );
  const cases = num(t?.cases);
  const variants = rows.map((r) => ({
    activities: (r.acts as unknown[]).map(String),
    count: num(r.cnt),
    share: num(r.cnt) / cases,
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
