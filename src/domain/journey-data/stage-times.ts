/**
 * Measured time in stage beside each stage's stated SLA (service blueprints). Pure: the engines
 * answer `stageDurations()` over the stage groups built here, and these functions put the answer
 * next to the map's stages.
 */
import type { JourneyMap } from "../model/journey-map.ts";
import type { StageSla } from "../model/stage-sla.ts";
import type { StageDurationsResult } from "./duration-results.ts";
import type { DurationSummary } from "./log-results.ts";
import { activityMatcher } from "./match.ts";
import type { RegexCompiler } from "./regex-engine.ts";

/**
 * How a stage stands against its SLA: `met` (p90 of time in stage ≤ target), `breached` (p90 >
 * target), `no_sla` (no target stated) or `no_data` (no case of the log reaches the stage).
 */
export type SlaStatus = "met" | "breached" | "no_sla" | "no_data";

/** Words of each status (CLI tables, the editor's chip, the Data panel). */
export const SLA_STATUS_LABELS: Record<SlaStatus, string> = {
  met: "met",
  breached: "breached",
  no_sla: "no SLA",
  no_data: "no data",
};

/**
 * The status of a stage: breached when the measured 90th percentile of time in stage is above the
 * target (an SLA is usually stated as "90 % within …", docs/decisions.md), met otherwise.
 */
export function slaStatus(sla: StageSla | undefined, cases: number, duration: DurationSummary): SlaStatus {
  if (!sla) return "no_sla";
  if (cases === 0) return "no_data";
  return duration.p90Ms > sla.targetMs ? "breached" : "met";
}

/** Time in one of the map's stages, beside its SLA. */
export interface StageTime {
  stageId: string;
  stageName: string;
  /** Cases reaching the stage (0 when none, or when no log activity maps to it). */
  cases: number;
  /** Time in stage over those cases (zeros when none). */
  duration: DurationSummary;
  /** The stage's stated SLA, when any. */
  sla?: StageSla;
  status: SlaStatus;
}

/** Stage groups of a `stageDurations()` query: per map stage (in map order), the log's activities its rules place there. */
export function stageGroups(
  map: Pick<JourneyMap, "stages" | "activityRules">,
  activities: readonly string[],
  regex?: RegexCompiler,
): { key: string; activities: string[] }[] {
  const match = activityMatcher(map.activityRules, regex);
  const byStage = new Map<string, string[]>();
  for (const a of activities) {
    const t = match(a);
    if (!t) continue;
    const list = byStage.get(t.stageId) ?? [];
    list.push(a);
    byStage.set(t.stageId, list);
  }
  return map.stages.flatMap((s) => {
    const list = byStage.get(s.id);
    return list ? [{ key: s.id as string, activities: list }] : [];
  });
}

const NO_DURATION: DurationSummary = { medianMs: 0, meanMs: 0, p90Ms: 0, minMs: 0, maxMs: 0 };

/** Every stage of the map with its measured time (from `result`, keyed by stage id) and SLA status. */
export function stageTimes(
  map: Pick<JourneyMap, "stages">,
  result: StageDurationsResult | null,
): StageTime[] {
  const byKey = new Map((result?.stages ?? []).map((s) => [s.key, s]));
  return map.stages.map((s) => {
    const m = byKey.get(s.id);
    const cases = m?.cases ?? 0;
    const duration = m?.duration ?? NO_DURATION;
    return {
      stageId: s.id,
      stageName: s.name,
      cases,
      duration,
      ...(s.sla ? { sla: s.sla } : {}),
      status: slaStatus(s.sla, cases, duration),
    };
  });
}
