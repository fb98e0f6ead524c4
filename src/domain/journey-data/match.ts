import type { ActivityRule } from "../model/activity-rule.ts";
import type { CardId, StageId } from "../model/ids.ts";

/** Where an activity belongs on the map. */
export interface ActivityTarget {
  /** The rule that matched. */
  ruleId: string;
  /** Stage of the activity. */
  stageId: StageId;
  /** Touchpoint card, if the rule names one. */
  touchpointId: CardId | null;
}

/** Regex source of a wildcard pattern: `*` any run, `?` one character, anchored. */
export function wildcardToRegex(pattern: string): string {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return `^${body}$`;
}

function compile(rule: ActivityRule): (activity: string) => boolean {
  if (rule.match === "exact") {
    const want = rule.ignoreCase ? rule.pattern.toLowerCase() : rule.pattern;
    return (a) => (rule.ignoreCase ? a.toLowerCase() : a) === want;
  }
  const source = rule.match === "wildcard" ? wildcardToRegex(rule.pattern) : rule.pattern;
  const re = new RegExp(source, rule.ignoreCase ? "i" : "");
  return (a) => re.test(a);
}

/**
 * A matcher for the map's rules (in order; the first match wins). Results are memoised per
 * activity name, since logs repeat a few names millions of times.
 */
export function activityMatcher(rules: readonly ActivityRule[]): (activity: string) => ActivityTarget | null {
  const compiled = rules.map((r) => ({
    test: compile(r),
    target: { ruleId: r.id, stageId: r.stageId, touchpointId: r.touchpointId },
  }));
  const memo = new Map<string, ActivityTarget | null>();
  return (activity) => {
    const hit = memo.get(activity);
    if (hit !== undefined) return hit;
    const found = compiled.find((c) => c.test(activity))?.target ?? null;
    memo.set(activity, found);
    return found;
  };
}
