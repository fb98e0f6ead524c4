import {
  type ActivityDurationsResult,
  DURATION_PATTERN,
  EVENT_DURATION_KEY,
  type StageDurationsResult,
} from "../../domain/journey-data/duration-results.ts";
import { activityDurationsResult, type StageDurationsSpec } from "../durations-query.ts";
import type { DurationSummary } from "../engine.ts";
import { compareBytes } from "../percentile.ts";
import { type ClickHouse, chString, percentileSql } from "./client.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const ZERO: DurationSummary = { medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 };

/**
 * Aggregates of `value` over the rows where `ok` holds, as a `DurationSummary`: the percentiles are
 * interpolated over the sorted array (percentile.ts), since 18.16's quantileExact does not interpolate.
 */
function summarySql(value: string, ok: string): string {
  return `arraySort(groupArrayIf(${value}, ${ok})) AS s, ${percentileSql("s", 0.5)} AS med, avgIf(${value}, ${ok}) AS mean,
    ${percentileSql("s", 0.9)} AS p90, minIf(${value}, ${ok}) AS mn, maxIf(${value}, ${ok}) AS mx`;
}

function summary(r: Record<string, unknown>, n: number): DurationSummary {
  if (n === 0) return ZERO;
  return { medianMs: num(r.med), meanMs: num(r.mean), p90Ms: num(r.p90), minMs: num(r.mn), maxMs: num(r.mx) };
}

/** `activityDurations()` over the events table, with the definitions of `reference/durations.ts`. */
export async function chActivityDurations(ch: ClickHouse): Promise<ActivityDurationsResult> {
  // toInt64OrZero: `if` evaluates both branches, so the cast must not throw on other values.
  const rows = await ch.rows(`SELECT activity, count() AS n, countIf(ok) AS measured, ${summarySql("d", "ok")}
    FROM (SELECT activity, attr_values[indexOf(attr_keys, ${chString(EVENT_DURATION_KEY)})] AS v,
      match(v, ${chString(DURATION_PATTERN)}) AS ok, toInt64OrZero(v) AS d FROM ${ch.table("events")})
    GROUP BY activity`);
  return activityDurationsResult(
    rows.map((r) => {
      const measured = num(r.measured);
      return { activity: String(r.activity), events: num(r.n), measured, duration: summary(r, measured) };
    }),
  );
}

/**
 * `stageDurations()` over the traces table (per case, activities and times in order), with
 * array lambdas (18.16 has no window functions): `ms`/`mt` are the stages and times of the mapped
 * events; a stage's first visit starts at its first index and ends at the next index of another
 * stage, else at the case's last mapped event.
 */
export async function chStageDurations(
  ch: ClickHouse,
  spec: StageDurationsSpec,
): Promise<StageDurationsResult> {
  const acts = [...spec.stageOf.keys()].map(chString).join(", ");
  // Stage index + 1 per activity; indexOf gives 0 for an activity in no stage, and [..][0] is 0.
  const stages = [...spec.stageOf.values()].map((st) => `toInt32(${st + 1})`).join(", ");
  const next = "arrayFirstIndex((x, j) -> j > i AND x != ms[i], ms, arrayEnumerate(ms))";
  const runs = `arrayMap(i -> (ms[i], if(${next} = 0, mt[length(mt)], mt[${next}]) - mt[i]),
    arrayFilter(i -> indexOf(ms, ms[i]) = i, arrayEnumerate(ms)))`;
  // `longest` is read so that `mt` reaches this level: 18.16 prunes subquery columns that only a
  // lambda reads ("Unknown identifier: mt").
  const rows =
    await ch.rows(`SELECT tupleElement(r, 1) AS st, count() AS n, ${summarySql("tupleElement(r, 2)", "1")},
      max(length(mt)) AS longest
    FROM (SELECT arrayFilter(x -> x >= 0, sts) AS ms, arrayFilter((t, x) -> x >= 0, tss, sts) AS mt
      FROM (SELECT tss, arrayMap(a -> [${stages}][indexOf([${acts}], a)] - 1, acts) AS sts FROM ${ch.table("traces")}))
    ARRAY JOIN ${runs} AS r GROUP BY st`);
  const byStage = new Map(rows.map((r) => [num(r.st), r]));
  return {
    stages: spec.keys.map((key, i) => {
      const r = byStage.get(i);
      const n = num(r?.n);
      return { key, cases: n, duration: r ? summary(r, n) : ZERO };
    }),
  };
}
