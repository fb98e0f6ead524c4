import type { CardId, LaneId, MapId, StageId } from "../../model/ids.ts";
import type { JourneyMap } from "../../model/journey-map.ts";
import type { Severity } from "../types.ts";
import type { HealthConfig, RuleId } from "./config.ts";

/** Where a health finding points on the map. */
export interface HealthLocation {
  /** The map. */
  mapId: MapId;
  /** Stage (column), when the finding is about one. */
  stageId?: StageId;
  /** Lane (row), when the finding is about one. */
  laneId?: LaneId;
  /** Card, when the finding is about one. */
  cardId?: CardId;
}

/** One problem the health check found. */
export interface HealthFinding {
  /** Id of the rule that found it. */
  rule: RuleId;
  /** Effective severity (the rule's default or the configured override). */
  severity: Severity;
  /** What is wrong, in a sentence. */
  message: string;
  /** Where it is. */
  location: HealthLocation;
  /** How to fix it. */
  hint: string;
}

/** Facts the map alone cannot know, supplied by the caller. */
export interface HealthContext {
  /** Today as YYYY-MM-DD (the domain never reads the clock). */
  today: string;
  /** Whether the map's `counterpartId` points at a map that still exists (unknown when absent). */
  counterpartExists?: boolean;
  /** Departments of the map's contributors; inferred from ownership and owner teams when absent. */
  departments?: string[];
}

/** What a rule's check receives: the caller's context, the resolved config and its severity. */
export interface RuleContext extends HealthContext {
  /** Resolved configuration. */
  config: HealthConfig;
  /** Severity to stamp on this rule's findings. */
  severity: Severity;
}

/** A finding as a rule produces it; `runHealthCheck` adds `rule`. */
export type RuleFinding = Omit<HealthFinding, "rule">;

/** One lint rule of the map health check. */
export interface HealthRule {
  /** Stable id, used in config overrides. */
  id: RuleId;
  /** Severity unless the config overrides it. */
  defaultSeverity: Severity;
  /** Findings of this rule on a map (empty when the map passes). */
  check(map: JourneyMap, ctx: RuleContext): RuleFinding[];
}

/** Shorthand for a finding at a location of `map`. */
export function at(
  map: JourneyMap,
  ctx: RuleContext,
  where: Omit<HealthLocation, "mapId">,
  message: string,
  hint: string,
): RuleFinding {
  return { severity: ctx.severity, message, location: { mapId: map.id, ...where }, hint };
}
