import type { AttributeMixResult } from "../../domain/journey-data/attribute-mix.ts";
import { attributeMixResult, type StageAttributeMixSpec } from "../attribute-mix-query.ts";
import type { LogEvent } from "../model.ts";

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
