import type { JourneyMap } from "../../model/journey-map.ts";
import type { Severity } from "../types.ts";
import { DEFAULT_HEALTH_CONFIG, type HealthConfig, type RuleId } from "./config.ts";
import { futureStateMissing, handoffMissing, singleDepartment } from "./rules-context.ts";
import { emotionMissing, negativityMissing } from "./rules-emotion.ts";
import { evidenceMissing, reviewOverdue } from "./rules-evidence.ts";
import { goalMissing, kpiMissing } from "./rules-goal.ts";
import { painNoDueDate, painNoOwner, painUnanchored, touchpointNoOwner } from "./rules-ownership.ts";
import { personaMissing, personaTooMany } from "./rules-personas.ts";
import { stageCount, stageNoTouchpoints } from "./rules-stages.ts";
import type { HealthContext, HealthFinding, HealthRule } from "./types.ts";

/** Every rule of the health check, in report order. */
export const HEALTH_RULES: readonly HealthRule[] = [
  personaMissing,
  personaTooMany,
  stageCount,
  stageNoTouchpoints,
  emotionMissing,
  negativityMissing,
  painNoOwner,
  painNoDueDate,
  touchpointNoOwner,
  evidenceMissing,
  reviewOverdue,
  futureStateMissing,
  singleDepartment,
  painUnanchored,
  handoffMissing,
  kpiMissing,
  goalMissing,
];

/** Points one finding costs: the first finding of a rule costs its full weight. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 15, warning: 6, info: 2 };

/** Result of a health check. */
export interface HealthReport {
  /** 0–100, see `healthScore`. */
  score: number;
  /** Findings in rule order, then in map order. */
  findings: HealthFinding[];
  /** Number of findings per severity. */
  counts: Record<Severity, number>;
}

/** Effective severity of a rule under a config, or null when the rule is switched off. */
export function ruleSeverity(rule: HealthRule, config: HealthConfig): Severity | null {
  const setting = config.rules[rule.id as RuleId];
  if (setting === "off") return null;
  return setting ?? rule.defaultSeverity;
}

/**
 * Health score: 100 minus, per rule, the weight of its worst finding (error 15, warning 6,
 * info 2) plus half the weight of each further finding, capped at twice the worst weight, so one
 * noisy rule (say 40 pain points without a due date) cannot sink the score alone. Floored at 0.
 */
export function healthScore(findings: readonly HealthFinding[]): number {
  const byRule = new Map<string, number[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), SEVERITY_WEIGHT[f.severity]]);
  let lost = 0;
  for (const weights of byRule.values()) {
    const [worst = 0, ...rest] = weights.sort((a, b) => b - a);
    lost += Math.min(2 * worst, worst + rest.reduce((sum, w) => sum + w / 2, 0));
  }
  return Math.max(0, Math.round(100 - lost));
}

/**
 * Runs every enabled rule on the map. `config` is trusted (validate user input with
 * `HealthConfigSchema` first); missing keys take the defaults.
 */
export function runHealthCheck(
  map: JourneyMap,
  config: Partial<HealthConfig> = {},
  ctx: HealthContext,
): HealthReport {
  const resolved: HealthConfig = { ...DEFAULT_HEALTH_CONFIG, ...config };
  const findings = HEALTH_RULES.flatMap((rule) => {
    const severity = ruleSeverity(rule, resolved);
    if (!severity) return [];
    return rule.check(map, { ...ctx, config: resolved, severity }).map((f) => ({ rule: rule.id, ...f }));
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { score: healthScore(findings), findings, counts };
}
