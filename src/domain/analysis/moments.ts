import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { orderedStages } from "./curve.ts";
import { detectPatterns, type PatternFinding, type PatternThresholds } from "./patterns.ts";

/** Why a stage is a moment of truth. */
export type MomentSource = "flagged" | "largest_drop" | "highest_peak";

/** A stage that decides how the customer feels about the whole journey. */
export interface MomentOfTruth {
  /** The stage. */
  stageId: StageId;
  /** Its name. */
  stageName: string;
  /** Why it is one: flagged by the team and/or found on the curves. */
  sources: MomentSource[];
  /** Human explanations, one per source (the pattern explanation for detected ones). */
  reasons: string[];
}

/** Options of `findMomentsOfTruth`. */
export interface MomentOptions {
  /** How many of the largest drops and, separately, of the highest peaks to report (default 2 each). */
  maxDetected?: number;
  /** Pattern thresholds (a drop must be a rapid drop to count). */
  thresholds?: Partial<PatternThresholds>;
}

/** The `n` largest findings of a type, largest first; ties keep journey order. */
function largest(findings: readonly PatternFinding[], type: PatternFinding["type"], n: number) {
  return findings
    .filter((f) => f.type === type)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f.magnitude - a.f.magnitude || a.i - b.i)
    .slice(0, n)
    .map(({ f }) => f);
}

/**
 * Moments of truth in stage order: stages the team flagged (`momentOfTruth`) plus the stages where
 * the largest rapid drops land (the stage after the fall) and the highest peaks sit, over all
 * personas. A stage found several ways appears once with every reason.
 */
export function findMomentsOfTruth(map: JourneyMap, opts: MomentOptions = {}): MomentOfTruth[] {
  const n = opts.maxDetected ?? 2;
  const found = detectPatterns(map, opts.thresholds);
  const hits = new Map<StageId, { sources: MomentSource[]; reasons: string[] }>();
  const add = (stageId: StageId | undefined, source: MomentSource, reason: string) => {
    if (!stageId) return;
    const hit = hits.get(stageId) ?? { sources: [], reasons: [] };
    if (!hit.sources.includes(source)) hit.sources.push(source);
    if (!hit.reasons.includes(reason)) hit.reasons.push(reason);
    hits.set(stageId, hit);
  };
  for (const s of map.stages)
    if (s.momentOfTruth) add(s.id, "flagged", "Flagged by the team as a moment of truth.");
  for (const f of largest(found, "rapid_drop", n)) add(f.stageIds.at(-1), "largest_drop", f.explanation);
  for (const f of largest(found, "peak", n))
    for (const id of f.stageIds) add(id, "highest_peak", f.explanation);
  return orderedStages(map).flatMap((s) => {
    const hit = hits.get(s.id);
    return hit ? [{ stageId: s.id, stageName: s.name, ...hit }] : [];
  });
}
