import {
  type ActivityDurationsResult,
  DURATION_PATTERN,
  EVENT_DURATION_KEY,
  type StageDurationsResult,
} from "../../domain/journey-data/duration-results.ts";
import { activityDurationsResult, type StageDurationsSpec } from "../durations-query.ts";
import type { DurationSummary } from "../engine.ts";
import { compareBytes } from "../percentile.ts";
import type { DuckDb } from "./connection.ts";
import { attrExpr, sqlString } from "./sql.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Aggregates of a column `d` (ms) as a `DurationSummary`: quantile_cont is percentile.ts's type 7. */
const SUMMARY_SQL = `quantile_cont(d::DOUBLE, 0.5) AS med, avg(d) AS mean, quantile_cont(d::DOUBLE, 0.9) AS p90,
  min(d) AS mn, max(d) AS mx`;

function summary(r: Record<string, unknown>): DurationSummary {
  return { medianMs: num(r.med), meanMs: num(r.mean), p90Ms: num(r.p90), minMs: num(r.mn), maxMs: num(r.mx) };
}

/** `activityDurations()` over the `events` table, with the definitions of `reference/durations.ts`. */
export async function duckActivityDurations(db: DuckDb): Promise<ActivityDurationsResult> {
  // The anchored pattern of the reference, as a full match (DuckDB's RE2 has no ^…$ need).
  const pattern = DURATION_PATTERN.slice(1, -1);
  const v = attrExpr(EVENT_DURATION_KEY);
  const rows = await db.rows(`SELECT activity, count(*) AS n, count(d) AS measured, ${SUMMARY_SQL}
    FROM (SELECT activity, CASE WHEN regexp_full_match(${v}, ${sqlString(pattern)}) THEN TRY_CAST(${v} AS BIGINT) END AS d
      FROM events) GROUP BY activity`);
  return activityDurationsResult(
    rows.map((r) => ({
      activity: String(r.activity),
      events: num(r.n),
      measured: num(r.measured),
      duration: summary(r),
    })),
  );
}

/**
 * `stageDurations()` over `ev` (events with their position in the case), linear in the events:
 * mapped events are cut into runs of one stage; a stage's first run starts at its first event and
 * lasts until the next run starts (or the case's last mapped event when it is the last run).
 */
export async function duckStageDurations(
  db: DuckDb,
  spec: StageDurationsSpec,
): Promise<StageDurationsResult> {
  const values = [...spec.stageOf].map(([a, st]) => `(${sqlString(a)}, ${st})`).join(", ");
  const rows = await db.rows(`WITH s(activity, st) AS (VALUES ${values}),
    m AS (SELECT ev.case_id, ev.ts, ev.pos, s.st, lag(s.st) OVER (PARTITION BY ev.case_id ORDER BY ev.pos) AS prev
      FROM ev JOIN s ON s.activity = ev.activity),
    ends AS (SELECT case_id, max(ts) AS t_end FROM m GROUP BY case_id),
    runs AS (SELECT case_id, st, pos, ts AS t0, lead(ts) OVER (PARTITION BY case_id ORDER BY pos) AS t_next
      FROM m WHERE prev IS NULL OR prev <> st),
    firsts AS (SELECT runs.case_id, st, arg_min(coalesce(t_next, t_end) - t0, pos) AS d
      FROM runs JOIN ends ON ends.case_id = runs.case_id GROUP BY runs.case_id, st)
    SELECT st, count(*) AS n, ${SUMMARY_SQL} FROM firsts GROUP BY st`);
  const byStage = new Map(rows.map((r) => [num(r.st), r]));
  return {
    stages: spec.keys.map((key, i) => {
      const r = byStage.get(i);
      return r
        ? { key, cases: num(r.n), duration: summary(r) }
        : { key, cases: 0, duration: { medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 } };
    }),
  };
}
