import type { AttributeCasesResult, AttributeMixResult } from "../../domain/journey-data/attribute-mix.ts";
import {
  attributeCasesResult,
  attributeMixFromRows,
  type StageAttributeCasesSpec,
  type StageAttributeMixSpec,
} from "../attribute-mix-query.ts";
import { type ClickHouse, chString } from "./client.ts";

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The value of attribute `key` of an event ('' when absent: `[..][0]` is the default). */
const attr = (key: string) => `attr_values[indexOf(attr_keys, ${chString(key)})]`;

/**
 * `stageAttributeMix()` over the events table, with the definitions of
 * `reference/attribute-mix.ts`. The top values per stage are cut in JS (18.16 has no window
 * functions); the (stage, value) groups are at most stages × distinct values.
 */
export async function chAttributeMix(
  ch: ClickHouse,
  spec: StageAttributeMixSpec,
): Promise<AttributeMixResult> {
  const table = ch.table("events");
  const present = spec.attributes.map((a, i) => `countIf(${attr(a)} != '') AS c${i}`);
  const [p] = await ch.rows(`SELECT ${present.join(", ")} FROM ${table}`);
  const found = spec.attributes.findIndex((_, i) => num(p?.[`c${i}`]) > 0);
  const attribute = found < 0 ? null : (spec.attributes[found] as string);
  const acts = [...spec.stageOf.keys()].map(chString).join(", ");
  const sts = [...spec.stageOf.values()].map((st) => `toInt32(${st})`).join(", ");
  const mapped = `(SELECT case_id, [${sts}][indexOf([${acts}], activity)] AS st,
    ${attribute === null ? "''" : attr(attribute)} AS v FROM ${table} WHERE indexOf([${acts}], activity) > 0)`;
  const caseRows = await ch.rows(`SELECT st, uniqExact(case_id) AS n FROM ${mapped} GROUP BY st`);
  const valueRows =
    attribute === null
      ? []
      : await ch.rows(`SELECT st, v, uniqExact(case_id) AS n FROM ${mapped} WHERE v != '' GROUP BY st, v`);
  return attributeMixFromRows(spec, attribute, caseRows, valueRows);
}

/** `stageAttributeCases()` over the events table: argMin by (ts, seq) per case (no window functions in 18.16). */
export async function chAttributeCases(
  ch: ClickHouse,
  spec: StageAttributeCasesSpec,
): Promise<AttributeCasesResult> {
  const acts = [...spec.stageOf.keys()].map(chString).join(", ");
  const sts = [...spec.stageOf.values()].map((st) => `toInt32(${st})`).join(", ");
  const rows = await ch.rows(`SELECT case_id, argMin(st, (ts, seq)) AS st, argMin(v, (ts, seq)) AS v,
      argMin(seq, (ts, seq)) AS s
    FROM (SELECT case_id, ts, seq, [${sts}][indexOf([${acts}], activity)] AS st, ${attr(spec.attribute)} AS v
      FROM ${ch.table("events")} WHERE indexOf([${acts}], activity) > 0 AND v != '')
    GROUP BY case_id ORDER BY case_id LIMIT ${spec.limit + 1}`);
  return attributeCasesResult(
    spec,
    rows.map((r) => ({ caseId: String(r.case_id), st: num(r.st), value: String(r.v), seq: num(r.s) })),
  );
}
