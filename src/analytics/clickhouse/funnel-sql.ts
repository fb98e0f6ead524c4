import type { FunnelResult, FunnelSpec } from "../engine.ts";
import { type FunnelGroupAggregates, funnelResult, NO_VALUE } from "../funnel-figures.ts";
import { type ClickHouse, chString, percentileSql } from "./client.ts";
import { tracesSql } from "./load.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function chainedSql(spec: FunnelSpec): string[] {
  const within = (t: string) => (Number.isFinite(spec.windowMs) ? ` AND ${t} - t0 <= ${spec.windowMs}` : "");
  const cols = spec.steps.slice(1).map((step, i) => {
    const [prev, cur, s] = [`p${i + 1}`, `p${i + 2}`, chString(step)];
    if (spec.mode === "strict")
      return `if(${prev} > 0 AND acts[${prev} + 1] = ${s}${within(`tss[${prev} + 1]`)}, ${prev} + 1, 0) AS ${cur}`;
    return `if(${prev} = 0, 0, arrayFirstIndex((a, t, j) -> a = ${s} AND j > ${prev}${within("t")}, acts, tss, arrayEnumerate(acts))) AS ${cur}`;
  });
  const n = spec.steps.length;
  const level = spec.steps.map((_, i) => `(p${i + 1} > 0)`).join(" + ");
  return [...cols, `${level} AS level`, `if(p${n} > 0, tss[p${n}] - t0, 0) AS time`];
}

function anySql(spec: FunnelSpec): string[] {
  const idx = spec.steps.slice(1).map((s, i) => `indexOf(acts, ${chString(s)}) AS i${i + 2}`);
  const times = (k: number) => `[${Array.from({ length: k }, (_, i) => `tss[i${i + 1}]`).join(", ")}]`;
  const spread = (k: number) => `(arrayReduce('max', ${times(k)}) - arrayReduce('min', ${times(k)}))`;
  const ok = spec.steps.map((_, i) => {
    const k = i + 1;
    const parts = Array.from({ length: k }, (_, j) => `i${j + 1} > 0`);
    if (Number.isFinite(spec.windowMs) && k > 1) parts.push(`${spread(k)} <= ${spec.windowMs}`);
    return `(${parts.join(" AND ")})`;
  });
  return [
    "p1 AS i1",
    ...idx,
    `${ok.join(" + ")} AS level`,
    `if(level = ${spec.steps.length}, ${spread(spec.steps.length)}, 0) AS time`,
  ];
}

function perCaseSql(ch: ClickHouse, spec: FunnelSpec): string {
  const byExpr = spec.by ? `attr_values[indexOf(attr_keys, ${chString(spec.by)})]` : undefined;
  const source = spec.by ? `(${tracesSql(ch.table("events"), byExpr)})` : ch.table("traces");
  const value = spec.by ? `if(vals[p1] = '', ${chString(NO_VALUE)}, vals[p1])` : "''";
  const cols = spec.mode === "any" ? anySql(spec) : chainedSql(spec);
  return `SELECT case_id, g, level, time FROM (SELECT case_id, indexOf(acts, ${chString(spec.steps[0] as string)}) AS p1,
    tss[p1] AS t0, ${value} AS g, ${cols.join(", ")} FROM ${source} WHERE p1 > 0)`;
}

async function aggregates(ch: ClickHouse, spec: FunnelSpec, group: string): Promise<FunnelGroupAggregates[]> {
  const [n, fc, b] = [spec.steps.length, ch.table("fc"), spec.bins];
  const reached = spec.steps.map((_, k) => `countIf(level > ${k}) AS r${k}`);
  const rows =
    await ch.rows(`SELECT ${group} AS grp, ${reached.join(", ")}, arraySort(groupArrayIf(time, level = ${n})) AS s,
      ${percentileSql("s", 0.5)} AS med, avgIf(time, level = ${n}) AS mean, ${percentileSql("s", 0.9)} AS p90,
      minIf(time, level = ${n}) AS mn, maxIf(time, level = ${n}) AS mx FROM ${fc} GROUP BY grp`);
  const bins =
    await ch.rows(`SELECT grp, if(mx = mn, 0, least(${b - 1}, intDiv((time - mn) * ${b}, greatest(mx - mn, 1)))) AS bin, count() AS n
    FROM (SELECT ${group} AS grp, time FROM ${fc} WHERE level = ${n})
    ALL INNER JOIN (SELECT ${group} AS grp, min(time) AS mn, max(time) AS mx FROM ${fc} WHERE level = ${n} GROUP BY grp) USING grp
    GROUP BY grp, bin`);
  return rows.map((r) => {
    const binCounts = new Array<number>(b).fill(0);
    for (const x of bins.filter((y) => y.grp === r.grp)) binCounts[num(x.bin)] = num(x.n);
    return {
      value: String(r.grp),
      reached: spec.steps.map((_, k) => num(r[`r${k}`])),
      time: {
        medianMs: num(r.med),
        meanMs: num(r.mean),
        p90Ms: num(r.p90),
        minMs: num(r.mn),
        maxMs: num(r.mx),
      },
      binCounts,
    };
  });
}

/** `funnel()` in ClickHouse SQL with array lambdas, with the definitions of `reference/funnel.ts`. */
export async function chFunnel(ch: ClickHouse, spec: FunnelSpec): Promise<FunnelResult> {
  const fc = ch.table("fc");
  await ch.run(`DROP TABLE IF EXISTS ${fc}`);
  await ch.run(`CREATE TABLE ${fc} ENGINE = Memory AS ${perCaseSql(ch, spec)}`);
  try {
    const [overall] = await aggregates(ch, spec, "''");
    const empty = {
      value: "",
      reached: spec.steps.map(() => 0),
      time: { medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 },
      binCounts: [],
    };
    const groups = spec.by ? await aggregates(ch, spec, "g") : undefined;
    return funnelResult(spec.steps, spec.mode, spec.bins, overall ?? empty, groups);
  } finally {
    await ch.run(`DROP TABLE IF EXISTS ${fc}`);
  }
}
