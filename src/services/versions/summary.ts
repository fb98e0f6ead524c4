import { compareMaps } from "../../domain/analysis/index.ts";
import type { JourneyMap } from "../../domain/index.ts";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One line saying what changed from `before` to `after` (stages and cards added, removed and
 * changed, emotion changes), through the comparison engine. "First version" without a before.
 */
export function changeSummary(before: JourneyMap | null, after: JourneyMap): string {
  if (!before) return "First version";
  const c = compareMaps(before, after);
  const parts: string[] = [];
  const stagesChanged = c.stages.matched.filter((m) => m.changes.length > 0).length;
  const add = (n: number, what: string) => n > 0 && parts.push(`${plural(n, what)}`);
  add(c.stages.added.length, "stage added");
  add(c.stages.removed.length, "stage removed");
  add(stagesChanged, "stage changed");
  add(
    c.cards.reduce((n, s) => n + s.added.length, 0),
    "card added",
  );
  add(
    c.cards.reduce((n, s) => n + s.removed.length, 0),
    "card removed",
  );
  add(
    c.cards.reduce((n, s) => n + s.changed.length, 0),
    "card changed",
  );
  add(c.emotion.filter((e) => e.delta !== null && e.delta !== 0).length, "emotion change");
  if (before.title !== after.title) parts.push(`renamed “${after.title}”`);
  return parts.length ? parts.join(", ") : "No visible change";
}
