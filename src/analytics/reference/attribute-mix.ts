import type { AttributeCasesResult, AttributeMixResult } from "../../domain/journey-data/attribute-mix.ts";
import {
  attributeCasesResult,
  attributeMixResult,
  type StageAttributeCasesSpec,
  type StageAttributeMixSpec,
} from "../attribute-mix-query.ts";
import type { LogEvent } from "../model.ts";
import type { Trace } from "./traces.ts";

/**
 * `stageAttributeMix()` in plain code (the oracle): the first candidate attribute some event
 * carries non-empty; per stage, the distinct cases with an event of the stage, and per value the
 * distinct cases with an event of the stage carrying it.
 */
export function referenceAttributeMix(
  events: readonly LogEvent[],
  spec: StageAttributeMixSpec,
): AttributeMixResult {
  const attribute = spec.attributes.find((a) => events.some((e) => (e.attrs[a] ?? "") !== "")) ?? null;
  const cases = new Map<number, Set<string>>();
  const values = new Map<string, { st: number; value: string; ids: Set<string> }>();
  for (const e of events) {
    const st = spec.stageOf.get(e.activity);
    if (st === undefined) continue;
    cases.set(st, (cases.get(st) ?? new Set()).add(e.caseId));
    const value = attribute === null ? "" : (e.attrs[attribute] ?? "");
    if (value === "") continue;
    const k = `${st}\u001f${value}`;
    const hit = values.get(k) ?? { st, value, ids: new Set<string>() };
    hit.ids.add(e.caseId);
    values.set(k, hit);
  }
  return attributeMixResult(
    spec,
    attribute,
    new Map([...cases].map(([st, ids]) => [st, ids.size])),
    [...values.values()].map((v) => ({ st: v.st, value: v.value, cases: v.ids.size })),
  );
}

/**
 * `stageAttributeCases()` in plain code: per case, its first event (timestamp, then file order)
 * of a stage carrying the attribute non-empty; cases in byte order of their id.
 */
export function referenceAttributeCases(
  traces: readonly Trace[],
  spec: StageAttributeCasesSpec,
): AttributeCasesResult {
  const rows = traces.flatMap((t) => {
    const e = t.events.find((x) => spec.stageOf.has(x.activity) && (x.attrs[spec.attribute] ?? "") !== "");
    return e
      ? [
          {
            caseId: t.caseId,
            st: spec.stageOf.get(e.activity) as number,
            value: e.attrs[spec.attribute] as string,
            seq: e.seq,
          },
        ]
      : [];
  });
  return attributeCasesResult(spec, rows);
}
