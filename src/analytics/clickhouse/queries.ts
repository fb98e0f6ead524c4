import type { DfgEdge, LogStats, PathsResult, VariantsResult } from "../engine.ts";
import { SEQUENCE_SEPARATOR } from "../percentile.ts";
import { statsFromRows } from "../stats-rows.ts";
import { type ClickHouse, chString, percentileSql } from "./client.ts";

const SEP = "'\\x1F'";
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const split = (key: unknown): string[] =>
  typeof key === "string" && key !== "" ? key.split(SEQUENCE_SEPARATOR) : [];

async function activityCounts(ch: ClickHouse, expr: string): Promise<LogStats["startActivities"]> {
  const rows = await ch.rows(
    `SELECT ${expr} AS activity, count() AS n FROM ${ch.table("traces")} GROUP BY activity ORDER BY n DESC, activity`,
  );
  return rows.map((r) => ({ activity: String(r.activity), count: num(r.n) }));
}

/** `stats()` in ClickHouse SQL (arrays per case; no window functions in 18.x). */
export async function chStats(ch: ClickHouse): Promise<LogStats> {
  const [e] = await ch.rows(
    `SELECT count() AS events, uniqExact(activity) AS activities FROM ${ch.table("events")}`,
  );
  const [t] = await ch.rows(`SELECT count() AS cases, uniqExact(arrayStringConcat(acts, ${SEP})) AS variants,
      arraySort(groupArray(tss[length(tss)] - tss[1])) AS s, ${percentileSql("s", 0.5)} AS med, avg(tss[length(tss)] - tss[1]) AS mean,
      ${percentileSql("s", 0.9)} AS p90, min(tss[length(tss)] - tss[1]) AS mn, max(tss[length(tss)] - tss[1]) AS mx
    FROM ${ch.table("traces")}`);
  return statsFromRows({
    events: e,
    durations: t,
    variants: t?.variants,
    startActivities: await activityCounts(ch, "acts[1]"),
    endActivities: await activityCounts(ch, "acts[length(acts)]"),
  });
}

/**
 * `variants()` in ClickHouse SQL; with `before` (epoch ms, exclusive) over each trace's events
 * before that instant (cases with none left out).
 */
export async function chVariants(ch: ClickHouse, top: number, before?: number): Promise<VariantsResult> {
  if (before !== undefined && !Number.isSafeInteger(before)) throw new Error(`invalid instant ${before}`);
  const traces =
    before === undefined
      ? ch.table("traces")
      : `(SELECT acts FROM (SELECT arrayFilter((a, t) -> t < ${before}, acts, tss) AS acts FROM ${ch.table("traces")}) WHERE length(acts) > 0)`;
  const [t] = await ch.rows(
    `SELECT count() AS cases, uniqExact(arrayStringConcat(acts, ${SEP})) AS total FROM ${traces}`,
  );
  const rows = await ch.rows(
    `SELECT arrayStringConcat(acts, ${SEP}) AS k, count() AS n FROM ${traces} GROUP BY k ORDER BY n DESC, k LIMIT ${top}`,
  );
  const cases = num(t?.cases);
  const variants = rows.map((r) => ({ activities: split(r.k), count: num(r.n), share: num(r.n) / cases }));
  const covered = variants.reduce((s, v) => s + v.count, 0);
  return { cases, total: num(t?.total), variants, coverage: cases === 0 ? 0 : covered / cases };
}

/** `dfg()` in ClickHouse SQL (ARRAY JOIN over consecutive pairs). */
export async function chDfg(ch: ClickHouse): Promise<DfgEdge[]> {
  const rows = await ch.rows(`SELECT f, t, n, mean, med FROM (
      SELECT f, t, count() AS n, avg(d) AS mean, arraySort(groupArray(d)) AS s, ${percentileSql("s", 0.5)} AS med FROM (
        SELECT acts[i] AS f, acts[i + 1] AS t, tss[i + 1] - tss[i] AS d FROM ${ch.table("traces")}
        ARRAY JOIN arrayEnumerate(arrayPopBack(acts)) AS i)
      GROUP BY f, t) ORDER BY n DESC, f, t`);
  return rows.map((r) => ({
    from: String(r.f),
    to: String(r.t),
    count: num(r.n),
    meanMs: num(r.mean),
    medianMs: num(r.med),
  }));
}

/** `paths()` in ClickHouse SQL: slices next to the first anchor occurrence. */
export async function chPaths(
  ch: ClickHouse,
  q: { from?: string; to?: string; depth: number; top: number },
): Promise<PathsResult> {
  const anchor = (q.from ?? q.to) as string;
  const slice =
    q.from !== undefined
      ? `arraySlice(acts, p + 1, ${q.depth})`
      : `arraySlice(acts, toUInt64(greatest(toInt64(p) - ${q.depth}, 1)), toUInt64(toInt64(p) - greatest(toInt64(p) - ${q.depth}, 1)))`;
  const keys = `SELECT indexOf(acts, ${chString(anchor)}) AS p, arrayStringConcat(${slice}, ${SEP}) AS k FROM ${ch.table("traces")} WHERE p > 0`;
  const [t] = await ch.rows(`SELECT count() AS cases, uniqExact(k) AS distinct_paths FROM (${keys})`);
  const rows = await ch.rows(
    `SELECT k, count() AS n FROM (${keys}) GROUP BY k ORDER BY n DESC, k LIMIT ${q.top}`,
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
