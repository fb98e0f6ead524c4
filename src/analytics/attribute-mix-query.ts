import { z } from "zod";
import type {
  AttributeCasesResult,
  AttributeMixResult,
  AttributeMixValue,
} from "../domain/journey-data/attribute-mix.ts";
import { stageDurationsSpec } from "./durations-query.ts";
import { compareBytes } from "./percentile.ts";
import { parseQuery } from "./query.ts";

/** Most candidate attributes in one `stageAttributeMix` query. */
export const MAX_MIX_ATTRIBUTES = 20;
/** Most values listed per stage. */
export const MAX_MIX_TOP = 100;

/**
 * Options of `stageAttributeMix()`: candidate attribute names (the first one some event carries
 * with a non-empty value is read), stage groups as in `stageDurations()` (unique keys, each
 * activity in one stage) and how many values to list per stage.
 */
export const StageAttributeMixQuerySchema = z.strictObject({
  /** Candidate attribute names, in order of preference (1–20). */
  attributes: z.array(z.string().min(1).max(200)).min(1).max(MAX_MIX_ATTRIBUTES),
  /** Stage groups (1–500), checked by `StageDurationsQuerySchema` (unique keys, one stage per activity). */
  stages: z.array(z.strictObject({ key: z.string(), activities: z.array(z.string()) })),
  /** Values listed per stage (1–100, default 3). */
  top: z.number().int().min(1).max(MAX_MIX_TOP).default(3),
});

/** A stage attribute mix query as callers pass it. */
export type StageAttributeMixQuery = z.input<typeof StageAttributeMixQuerySchema>;

/** A validated query: candidates, stage keys, activity → stage index, top. */
export interface StageAttributeMixSpec {
  attributes: string[];
  keys: string[];
  stageOf: Map<string, number>;
  top: number;
}

/** Validates a query (`invalid_request` naming the field otherwise); stage rules of `stageDurations`. */
export function stageAttributeMixSpec(query: StageAttributeMixQuery): StageAttributeMixSpec {
  const q = parseQuery(StageAttributeMixQuerySchema, query, "stage attribute mix");
  const { keys, stageOf } = stageDurationsSpec({ stages: q.stages });
  return { attributes: q.attributes, keys, stageOf, top: q.top };
}

/** Orders one stage's value counts (cases desc, then value in byte order) and keeps the top. */
export function topValues(values: AttributeMixValue[], top: number): AttributeMixValue[] {
  return [...values].sort((a, b) => b.cases - a.cases || compareBytes(a.value, b.value)).slice(0, top);
}

/** The answer from an engine's rows: per stage index its cases and (st, value, cases) rows. */
export function attributeMixFromRows(
  spec: StageAttributeMixSpec,
  attribute: string | null,
  caseRows: Record<string, unknown>[],
  valueRows: Record<string, unknown>[],
): AttributeMixResult {
  return attributeMixResult(
    spec,
    attribute,
    new Map(caseRows.map((r) => [count(r.st), count(r.n)])),
    valueRows.map((r) => ({ st: count(r.st), value: String(r.v), cases: count(r.n) })),
  );
}

/** An engine's number cell (BIGINT, string or null) as a number. */
const count = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The answer from per-stage case counts and per-stage value counts. */
export function attributeMixResult(
  spec: StageAttributeMixSpec,
  attribute: string | null,
  cases: Map<number, number>,
  rows: { st: number; value: string; cases: number }[],
): AttributeMixResult {
  const byStage = new Map<number, AttributeMixValue[]>();
  for (const r of rows) byStage.set(r.st, [...(byStage.get(r.st) ?? []), { value: r.value, cases: r.cases }]);
  return {
    attribute,
    stages: spec.keys.map((key, i) => ({
      key,
      cases: cases.get(i) ?? 0,
      values: topValues(byStage.get(i) ?? [], spec.top),
    })),
  };
}

/** Most cases `stageAttributeCases` lists. */
export const MAX_ATTRIBUTE_CASES = 100_000;

/** Options of `stageAttributeCases()`: one attribute, stage groups as in `stageDurations()`, a limit. */
export const StageAttributeCasesQuerySchema = z.strictObject({
  /** The attribute read. */
  attribute: z.string().min(1).max(200),
  /** Stage groups, checked by `StageDurationsQuerySchema`. */
  stages: z.array(z.strictObject({ key: z.string(), activities: z.array(z.string()) })),
  /** Most cases listed (1–100 000, default 10 000). */
  limit: z.number().int().min(1).max(MAX_ATTRIBUTE_CASES).default(10_000),
});

/** A stage attribute cases query as callers pass it. */
export type StageAttributeCasesQuery = z.input<typeof StageAttributeCasesQuerySchema>;

/** A validated query. */
export interface StageAttributeCasesSpec {
  attribute: string;
  keys: string[];
  stageOf: Map<string, number>;
  limit: number;
}

/** Validates a query (`invalid_request` naming the field otherwise). */
export function stageAttributeCasesSpec(query: StageAttributeCasesQuery): StageAttributeCasesSpec {
  const q = parseQuery(StageAttributeCasesQuerySchema, query, "stage attribute cases");
  const { keys, stageOf } = stageDurationsSpec({ stages: q.stages });
  return { attribute: q.attribute, keys, stageOf, limit: q.limit };
}

/** The answer from rows (case, stage index, value, 0-based seq) fetched with limit + 1. */
export function attributeCasesResult(
  spec: StageAttributeCasesSpec,
  rows: { caseId: string; st: number; value: string; seq: number }[],
): AttributeCasesResult {
  const sorted = [...rows].sort((a, b) => compareBytes(a.caseId, b.caseId));
  return {
    cases: sorted.slice(0, spec.limit).map((r) => ({
      caseId: r.caseId,
      key: spec.keys[r.st] as string,
      value: r.value,
      event: r.seq + 1,
    })),
    truncated: sorted.length > spec.limit,
  };
}
