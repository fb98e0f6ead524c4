import type { ActivityRule, MatchKind } from "../../domain/index.ts";
import { activityMatcher } from "../../domain/journey-data/match.ts";
import { unsupportedRegexConstruct } from "../../domain/journey-data/regex-engine.ts";

/** What one rule matches among a log's activities (first match wins, so earlier rules take precedence). */
export interface RuleMatches {
  ruleId: string;
  /** Activities this rule places (not claimed by an earlier rule). */
  activities: string[];
  /** Activities the pattern would match but an earlier rule already took. */
  shadowed: string[];
  /** Why the pattern cannot be used (an invalid regular expression), or null. */
  error: string | null;
}

/** Rule preview over a log: per rule, and the activities no rule maps. */
export interface RulePreview {
  rules: RuleMatches[];
  unmapped: string[];
}

/** Why a pattern cannot be compiled, or null when it is usable. */
export function patternError(match: MatchKind, pattern: string): string | null {
  if (!pattern) return "enter a pattern";
  if (match !== "regex") return null;
  try {
    new RegExp(pattern);
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  // The server matches with RE2, which has no backreferences or lookaround: say so while typing.
  return unsupportedRegexConstruct(pattern);
}

/** Applies the rules in order to a log's activity names, as the server does (domain matcher). */
export function previewRules(rules: readonly ActivityRule[], activities: readonly string[]): RulePreview {
  const usable = rules.filter((r) => patternError(r.match, r.pattern) === null);
  const first = activityMatcher(usable);
  const out: RuleMatches[] = rules.map((r) => ({
    ruleId: r.id,
    activities: [],
    shadowed: [],
    error: patternError(r.match, r.pattern),
  }));
  const byId = new Map(out.map((m) => [m.ruleId, m]));
  const unmapped: string[] = [];
  for (const a of activities) {
    const hit = first(a);
    if (!hit) {
      unmapped.push(a);
      continue;
    }
    byId.get(hit.ruleId)?.activities.push(a);
    for (const r of usable) {
      if (r.id === hit.ruleId) continue;
      if (activityMatcher([r])(a)) byId.get(r.id)?.shadowed.push(a);
    }
  }
  return { rules: out, unmapped };
}

/** Activity names seen in a log: starts, ends and every node of the directly-follows graph, sorted. */
export function activitiesOf(
  edges: readonly { from: string; to: string }[],
  ...lists: readonly (readonly { activity: string }[])[]
): string[] {
  const set = new Set<string>();
  for (const e of edges) set.add(e.from).add(e.to);
  for (const l of lists) for (const a of l) set.add(a.activity);
  return [...set].sort((a, b) => a.localeCompare(b));
}
