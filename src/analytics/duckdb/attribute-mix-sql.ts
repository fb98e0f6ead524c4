import type { AttributeCasesResult, AttributeMixResult } from "../../domain/journey-data/attribute-mix.ts";
import {
  attributeCasesResult,
  attributeMixFromRows,
  type StageAttributeCasesSpec,
  type StageAttributeMixSpec,
} from "../attribute-mix-query.ts";
import type { DuckDb } from "./connection.ts";
import { attrExpr, sqlString } from "./sql.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * `stageAttributeMix()` over the `events` table, with the definitions of
 * `reference/attribute-mix.ts`: one scan finds the first candidate carried non-empty, then one
 * grouping per stage and (stage, value), the top values kept per stage in SQL.
 */
export async function duckAttributeMix(db: DuckDb, spec: StageAttributeMixSpec): Promise<AttributeMixResult> {
  const present = spec.attributes.map((a, i) => `count(*) FILTER (WHERE ${attrExpr(a)} <> '') AS c${i}`);
  const [p] = await db.rows(`SELECT ${present.join(", ")} FROM events`);
  const found = spec.attributes.findIndex((_, i) => num(p?.[`c${i}`]) > 0);
  const attribute = found < 0 ? null : (spec.attributes[found] as string);
  const values = [...spec.stageOf].map(([a, st]) => `(${sqlString(a)}, ${st})`).join(", ");
  const mapped = `WITH s(activity, st) AS (VALUES ${values}),
    m AS (SELECT e.case_id, s.st, ${attribute === null ? "''" : attrExpr(attribute, "e.attrs")} AS v
      FROM events e JOIN s ON s.activity = e.activity)`;
  const caseRows = await db.rows(`${mapped} SELECT st, count(DISTINCT case_id) AS n FROM m GROUP BY st`);
  const valueRows =
    attribute === null
      ? []
      : await db.rows(`${mapped}, g AS (SELECT st, v, count(DISTINCT case_id) AS n FROM m WHERE v <> '' GROUP BY st, v)
    SELECT st, v, n FROM g QUALIFY row_number() OVER (PARTITION BY st ORDER BY n DESC, v) <= ${spec.top}`);
  return attributeMixFromRows(spec, attribute, caseRows, valueRows);
}

/** `stageAttributeCases()` over `events` (rowid is the file-order tie-breaker, as everywhere). */
export async function duckAttributeCases(
  db: DuckDb,
  spec: StageAttributeCasesSpec,
): Promise<AttributeCasesResult> {
  const values = [...spec.stageOf].map(([a, st]) => `(${sqlString(a)}, ${st})`).join(", ");
  const rows = await db.rows(`WITH s(activity, st) AS (VALUES ${values}),
    m AS (SELECT e.case_id, s.st, e.ts, e.rowid AS seq, ${attrExpr(spec.attribute, "e.attrs")} AS v
      FROM events e JOIN s ON s.activity = e.activity),
    f AS (SELECT * FROM m WHERE v <> '' QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY ts, seq) = 1)
    SELECT case_id, st, v, seq FROM f ORDER BY case_id LIMIT ${spec.limit + 1}`);
  return attributeCasesResult(
    spec,
    rows.map((r) => ({ caseId: String(r.case_id), st: num(r.st), value: String(r.v), seq: num(r.seq) })),
  );
}
