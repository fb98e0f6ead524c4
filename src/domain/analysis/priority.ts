import type { Card, FieldsOf } from "../model/card.ts";
import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { lowestEmotionByStage, orderedStages } from "./curve.ts";

/** Weight of each impact level (PRODUCT.md §3). */
export const IMPACT_WEIGHT = { trivial: 1, workaround: 2, abandon: 3 } as const;

/** A pain-point card with its typed fields. */
export type PainCard = Card & { fields: FieldsOf<"pain"> };

/** A pain point with its computed priority. */
export interface PainPriority {
  /** The pain-point card. */
  card: PainCard;
  /** Stage it sits in. */
  stageId: StageId;
  /** Name of that stage. */
  stageName: string;
  /** Impact weight 1–3, null when impact is not set. */
  impactWeight: number | null;
  /** Share of customers affected 0–1, null when unknown. */
  reach: number | null;
  /** impact weight × reach (0–3), null when either is unknown. */
  score: number | null;
  /** Lowest emotion level at the stage over all personas (tie-breaker), null without points. */
  emotion: number | null;
  /** 1-based position in the ranking. */
  rank: number;
}

/** Options of `prioritizePainPoints`. */
export interface PriorityOptions {
  /** Also rank pain points whose status is done or won't fix (default false). */
  includeResolved?: boolean;
}

/** True for a card holding pain-point fields. */
export function isPainCard(c: Card): c is PainCard {
  return c.fields.kind === "pain";
}

/** True while a pain point still needs work. */
export function isUnresolved(c: PainCard): boolean {
  return c.fields.status === "open" || c.fields.status === "in_progress";
}

/** Rounded so that 2 × 0.3 and 3 × 0.2 tie instead of differing in the 16th digit. */
function scoreOf(weight: number | null, reach: number | null): number | null {
  return weight === null || reach === null ? null : Math.round(weight * reach * 1e6) / 1e6;
}

/** Descending on numbers, nulls last. */
function desc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Ascending on numbers, nulls last. */
function asc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/**
 * Order: scored pain points first by score (highest first); then those with unknown impact or
 * reach, by what is known (impact weight, then reach). Ties go to the lower emotion at the stage
 * (stages without emotion data after those with), then to stage order and card order.
 */
function compare(a: PainPriority & { pos: number }, b: PainPriority & { pos: number }): number {
  const known = Number(b.score !== null) - Number(a.score !== null);
  if (known !== 0) return known;
  const byScore =
    a.score !== null
      ? desc(a.score, b.score)
      : desc(a.impactWeight, b.impactWeight) || desc(a.reach, b.reach);
  return byScore || asc(a.emotion, b.emotion) || a.pos - b.pos;
}

/** Pain points of the map ranked by priority = impact weight × reach (see `compare` for ties). */
export function prioritizePainPoints(map: JourneyMap, opts: PriorityOptions = {}): PainPriority[] {
  const stages = orderedStages(map);
  const stageIndex = new Map(stages.map((s, i) => [s.id as string, i]));
  const emotion = lowestEmotionByStage(map);
  return map.cards
    .filter(isPainCard)
    .filter((c) => opts.includeResolved || isUnresolved(c))
    .map((card, i) => {
      const weight = card.fields.impact ? IMPACT_WEIGHT[card.fields.impact] : null;
      const stage = stageIndex.get(card.stageId) ?? stages.length;
      return {
        card,
        stageId: card.stageId,
        stageName: stages[stage]?.name ?? card.stageId,
        impactWeight: weight,
        reach: card.fields.reach,
        score: scoreOf(weight, card.fields.reach),
        emotion: emotion.get(card.stageId) ?? null,
        rank: 0,
        pos: stage * map.cards.length + i,
      };
    })
    .sort(compare)
    .map(({ pos: _pos, ...p }, i) => ({ ...p, rank: i + 1 }));
}

/** A high-priority pain point with the low-effort ideas that address it. */
export interface QuickWin {
  /** The pain point and its priority. */
  pain: PainPriority;
  /** Linked ideas of low effort or flagged as quick wins. */
  ideas: Card[];
}

/** Options of `findQuickWins`. */
export interface QuickWinOptions {
  /** Smallest score that counts as high priority (default 1: e.g. abandon × ⅓, workaround × ½). */
  minScore?: number;
}

/** Quick wins: high-priority pain points (score ≥ minScore) with a linked low-effort or quick-win idea. */
export function findQuickWins(map: JourneyMap, opts: QuickWinOptions = {}): QuickWin[] {
  const min = opts.minScore ?? 1;
  const ideas = map.cards.filter(
    (c) => c.fields.kind === "idea" && (c.fields.effort === "low" || c.fields.quickWin),
  );
  return prioritizePainPoints(map)
    .filter((p) => p.score !== null && p.score >= min)
    .map((pain) => ({
      pain,
      ideas: ideas.filter((c) => c.fields.kind === "idea" && c.fields.painPointIds.includes(pain.card.id)),
    }))
    .filter((q) => q.ideas.length > 0);
}
