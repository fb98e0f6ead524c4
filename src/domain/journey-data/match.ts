import type { ActivityRule } from "../model/activity-rule.ts";
import type { CardId, StageId } from "../model/ids.ts";
import { globMatch } from "./glob.ts";
import { nativeRegex, type RegexCompiler } from "./regex-engine.ts";

/** Where an activity belongs on the map. */
export interface ActivityTarget {
  /** The rule that matched. */
  ruleId: string;
  /** Stage of the activity. */
  stageId: StageId;
  /** Touchpoint card, if the rule names one. */
  touchpointId: CardId | null;
}

/**
 * Regex source of a wildcard pattern: `*` any run, `?` one character, anchored. For display and for
 * engines that want SQL/regex text; matching itself uses `globMatch` (linear, no backtracking).
 */
export function wildcardToRegex(pattern: string): string {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return `^${body}$`;
}

function compile(rule: ActivityRule, regex: RegexCompiler): (activity: string) => boolean {
  if (rule.match === "exact") {
    const want = rule.ignoreCase ? rule.pattern.toLowerCase() : rule.pattern;
    return (a) => (rule.ignoreCase ? a.toLowerCase() : a) === want;
  }
  if (rule.match === "wildcard") return (a) => globMatch(rule.pattern, a, rule.ignoreCase);
  try {
    return regex(rule.pattern, rule.ignoreCase);
  } catch {
    // Valid JavaScript but not for this engine (RE2 has no backreferences or lookaround): the rule
    // places nothing, so its activities show up as unmapped instead of failing the whole map.
    return () => false;
  }
}

/**
 * A matcher for the map's rules (in order; the first match wins). Results are memoised per
 * activity name, since logs repeat a few names millions of times. `regex` compiles regex rules:
 * the server and CLI pass RE2 (linear time); the default JavaScript engine is for the browser.
 */
export function activityMatcher(
  rules: readonly ActivityRule[],
  regex: RegexCompiler = nativeRegex,
): (activity: string) => ActivityTarget | null {
  const compiled = rules.map((r) => ({
    test: compile(r, regex),
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
