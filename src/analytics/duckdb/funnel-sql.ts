import type { FunnelResult, FunnelSpec } from "../engine.ts";
import { type FunnelGroupAggregates, funnelResult, NO_VALUE } from "../funnel-figures.ts";
import type { DuckDb } from "./connection.ts";
import { attrExpr, sqlString } from "./sql.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The funnel's per-case table from `variants` + `traces`: where each step is matched is a
 * function of the activity sequence, so positions are found once per variant (`P1…Pn`: first
 * step 1; then the first later step k, or the next position in strict mode; in any mode each
 * step's first occurrence), and each case only reads its times at those positions. Times are
 * sorted within a case, so the first later occurrence is also the earliest in time, and a step
 * outside the window means every later one is too. A breakdown `by` reads `case_attrs` instead of
 * `traces` (same rows plus the attributes, layout.ts): the value at entry is the attribute of the
 * event at `P1` — the case's one attribute set when all its events share it, else `attrs_seq[P1]`.
 */
function tracesSql(spec: FunnelSpec): string {
  const n = spec.steps.length;
  const step = (k: number) => sqlString(spec.steps[k - 1] as string);
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const positions = ks.map((k) => {
    if (k === 1 || spec.mode === "any") return `nullif(list_position(acts, ${step(k)}), 0) AS P${k}`;
    const prev = `P${k - 1}`;
    return spec.mode === "strict"
      ? `CASE WHEN acts[${prev} + 1] = ${step(k)} THEN ${prev} + 1 END AS P${k}`
      : `${prev} + nullif(list_position(list_slice(acts, ${prev} + 1, length(acts)), ${step(k)}), 0) AS P${k}`;
  });
  const w = Number.isFinite(spec.windowMs) ? spec.windowMs : null;
  const f = (k: number) => `tss[P${k}]`;
  let level: string;
  let time: string;
  if (spec.mode === "any") {
    const fs = (k: number) => ks.slice(0, k).map(f).join(", ");
    const spread = (k: number) => `greatest(${fs(k)}) - least(${fs(k)})`;
    const out = (k: number) => `P${k} IS NULL${w === null ? "" : ` OR ${spread(k)} > ${w}`}`;
    level = `CASE ${ks
      .slice(1)
      .map((k) => `WHEN ${out(k)} THEN ${k - 1}`)
      .join(" ")} ELSE ${n} END`;
    time = spread(n);
  } else {
    const within = (k: number) =>
      `coalesce(P${k} IS NOT NULL${w === null ? "" : ` AND ${f(k)} - ${f(1)} <= ${w}`}, false)::INT`;
    level = `1 + ${ks.slice(1).map(within).join(" + ")}`;
    time = `${f(n)} - ${f(1)}`;
  }
  if (spec.by === undefined)
    return `WITH pos AS (SELECT vid, ${positions.join(", ")} FROM variants)
    SELECT '' AS value, ${level} AS level, ${time} AS time FROM traces JOIN pos ON pos.vid = traces.vid WHERE P1 IS NOT NULL`;
  const entry = attrExpr(spec.by, "coalesce(c.attrs, c.attrs_seq[P1])");
  return `WITH pos AS (SELECT vid, ${positions.join(", ")} FROM variants)
    SELECT coalesce(nullif(${entry}, ''), ${sqlString(NO_VALUE)}) AS value, ${level} AS level, ${time} AS time
    FROM case_attrs c JOIN pos ON pos.vid = c.vid WHERE P1 IS NOT NULL`;
}

async function aggregates(db: DuckDb, spec: FunnelSpec, group: string): Promise<FunnelGroupAggregates[]> {
  const n = spec.steps.length;
  const reached = spec.steps.map((_, k) => `count(*) FILTER (WHERE level > ${k}) AS r${k}`);
  const conv = `FILTER (WHERE level = ${n})`;
  const rows = await db.rows(`SELECT ${group} AS g, ${reached.join(", ")},
      quantile_cont(time::DOUBLE, 0.5) ${conv} AS med, avg(time) ${conv} AS mean, quantile_cont(time::DOUBLE, 0.9) ${conv} AS p90,
      min(time) ${conv} AS mn, max(time) ${conv} AS mx FROM fc GROUP BY g`);
  const bins =
    await db.rows(`SELECT ${group} AS g, CASE WHEN b.mx = b.mn THEN 0 ELSE least(${spec.bins - 1}, ((time - b.mn) * ${spec.bins}) // (b.mx - b.mn)) END AS bin,
      count(*) AS n FROM fc JOIN (SELECT ${group} AS g, min(time) AS mn, max(time) AS mx FROM fc WHERE level = ${n} GROUP BY g) b
      ON b.g = ${group} WHERE level = ${n} GROUP BY ALL`);
  return rows.map((r) => {
    const binCounts = new Array<number>(spec.bins).fill(0);
    for (const b of bins.filter((x) => x.g === r.g)) binCounts[num(b.bin)] = num(b.n);
    return {
      value: String(r.g),
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

/**
 * `funnel()` in DuckDB SQL, with the definitions of `reference/funnel.ts`, over `variants` +
 * `traces` (and `case_attrs` for a breakdown `by`; see `tracesSql`).
 */
export async function duckFunnel(db: DuckDb, spec: FunnelSpec): Promise<FunnelResult> {
  const sql = tracesSql(spec);
  await db.run(`CREATE OR REPLACE TEMP TABLE fc AS ${sql}`);
  try {
    const [overall] = await aggregates(db, spec, "''");
    const empty = {
      value: "",
      reached: spec.steps.map(() => 0),
      time: { medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 },
      binCounts: [],
    };
    const groups = spec.by ? await aggregates(db, spec, "value") : undefined;
    return funnelResult(spec.steps, spec.mode, spec.bins, overall ?? empty, groups);
  } finally {
    await db.run("DROP TABLE fc");
  }
}
