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

/**
 * `stats()` in DuckDB SQL from `variants` alone: events are the sum of case lengths, activities
 * the distinct ones of the variants, start/end activities functions of the variant — no second
 * pass over `events`.
 */
export async function duckStats(db: DuckDb): Promise<LogStats> {
  const [e] = await db.rows(`SELECT coalesce(sum(cnt * length(acts)), 0) AS events,
    (SELECT count(DISTINCT a) FROM (SELECT unnest(acts) AS a FROM variants)) AS activities FROM variants`);
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

/** `dfg()` in DuckDB SQL: each case's consecutive pairs, activities from its variant, times from `traces`. */
export async function duckDfg(db: DuckDb): Promise<DfgEdge[]> {
  const rows =
    await db.rows(`SELECT v.acts[p.i] AS f, v.acts[p.i + 1] AS t, count(*) AS n, avg(p.d) AS mean, quantile_cont(p.d::DOUBLE, 0.5) AS med
    FROM (SELECT vid, i, tss[i + 1] - tss[i] AS d FROM (SELECT vid, tss, unnest(range(1, length(tss))) AS i FROM traces)) p
    JOIN variants v ON v.vid = p.vid GROUP BY f, t ORDER BY n DESC, f, t`);
  return rows.map((r) => ({
    from: String(r.f),
    to: String(r.t),
    count: num(r.n),
    meanMs: num(r.mean),
    medianMs: num(r.med),
  }));
}

/**
 * `paths()` in DuckDB SQL over `variants`: a path is a function of the activity sequence (the
 * `depth` activities after, or before, the anchor's first occurrence), so each variant counts once
 * with its case count.
 */
export async function duckPaths(
  db: DuckDb,
  q: { from?: string; to?: string; depth: number; top: number },
): Promise<PathsResult> {
  const anchor = (q.from ?? q.to) as string;
  const slice =
    q.from !== undefined
      ? `list_slice(acts, p + 1, p + ${q.depth})`
      : `list_slice(acts, greatest(1, p - ${q.depth}), p - 1)`;
  const keyed = `(SELECT array_to_string(${slice}, ${SEP}) AS k, cnt FROM (
    SELECT acts, cnt, list_position(acts, ${sqlString(anchor)}) AS p FROM variants) WHERE p IS NOT NULL AND p > 0)`;
  const [t] = await db.rows(
    `SELECT coalesce(sum(cnt), 0) AS cases, count(DISTINCT k) AS distinct_paths FROM ${keyed}`,
  );
  const rows = await db.rows(
    `SELECT k, sum(cnt) AS n FROM ${keyed} GROUP BY k ORDER BY n DESC, k LIMIT ${q.top}`,
  );
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
