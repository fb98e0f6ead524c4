import type { JourneyMap } from "../model/journey-map.ts";

/** Tag prefix that places a map in a lifecycle phase column of the atlas: `lifecycle:onboarding`. */
export const LIFECYCLE_TAG = "lifecycle:";

/** Column order of the usual customer-lifecycle phases; other phases follow alphabetically. */
export const LIFECYCLE_ORDER = [
  "awareness",
  "consideration",
  "purchase",
  "onboarding",
  "usage",
  "support",
  "retention",
  "advocacy",
] as const;

/** Key of the column of maps without a lifecycle tag. */
export const UNPHASED = "";

/** The lifecycle phase of a map (lower-cased, from its first `lifecycle:` tag), or UNPHASED. */
export function lifecyclePhaseOf(map: Pick<JourneyMap, "tags">): string {
  const tag = map.tags.find((t) => t.toLowerCase().startsWith(LIFECYCLE_TAG));
  return tag ? tag.slice(LIFECYCLE_TAG.length).trim().toLowerCase() : UNPHASED;
}

/** Column label: "Onboarding", "Win-back"; the unphased column's label depends on whether others exist. */
export function phaseLabel(phase: string, only: boolean): string {
  if (phase === UNPHASED) return only ? "All journeys" : "No lifecycle phase";
  return phase.charAt(0).toUpperCase() + phase.slice(1);
}

/** Sorts phases: the usual lifecycle order, then others alphabetically, unphased last. */
export function comparePhases(a: string, b: string): number {
  const rank = (p: string) => {
    if (p === UNPHASED) return Number.MAX_SAFE_INTEGER;
    const i = (LIFECYCLE_ORDER as readonly string[]).indexOf(p);
    return i < 0 ? LIFECYCLE_ORDER.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
