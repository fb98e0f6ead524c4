import type { Card, FieldsOf } from "../model/card.ts";
import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { lowestEmotionByStage, orderedStages } from "./curve.ts";

/** Weight of each impact level (PRODUCT.md §3). */
export const IMPACT_WEIGHT = { trivial: 1, workaround: 2, abandon: 3 } as const;

/** How a workspace scores priority: impact weight × reach, or RICE (reach × impact × confidence ÷ effort). */
export const PRIORITY_MODELS = ["impact_reach", "rice"] as const;
/** How a workspace scores priority. */
export type PriorityModel = (typeof PRIORITY_MODELS)[number];

/**
 * RICE confidence of a card whose `confidencePct` is not set, from its evidence level: an
 * assumption counts half, an observation 80 %, validated research fully (Intercom's RICE scale
 * of 50 / 80 / 100 %).
 */
export const EVIDENCE_CONFIDENCE = { assumed: 0.5, observed: 0.8, validated: 1 } as const;

/** RICE confidence 0–1 of a pain point or idea: its own estimate, else from its evidence level. */
export function confidenceOf(card: Card): number {
  const pct = "confidencePct" in card.fields ? card.fields.confidencePct : null;
  return pct === null ? EVIDENCE_CONFIDENCE[card.confidence] : pct / 100;
}

/** Effort in person-weeks of a pain point or idea, null when not estimated. */
export function effortOf(card: Card): number | null {
  return "effortWeeks" in card.fields ? card.fields.effortWeeks : null;
}

/** What a priority is computed from. */
export interface PriorityInput {
  /** Impact weight 1–3 (null = unknown). */
  impactWeight: number | null;
  /** Share of customers reached 0–1 (null = unknown). */
  reach: number | null;
  /** RICE confidence 0–1. */
  confidence: number;
  /** RICE effort in person-weeks (null = not estimated). */
  effortWeeks: number | null;
}

/**
 * THE priority of Wayline (portfolio, map insights, summaries): impact weight × reach, or under
 * RICE reach × impact × confidence ÷ effort. Null when a factor the model needs is unknown.
 * Rounded so that 2 × 0.3 and 3 × 0.2 tie instead of differing in the 16th digit.
 */
export function priorityScore(p: PriorityInput, model: PriorityModel = "impact_reach"): number | null {
  if (p.impactWeight === null || p.reach === null) return null;
  const base = p.impactWeight * p.reach;
  if (model === "impact_reach") return round(base);
  return p.effortWeeks === null ? null : round((base * p.confidence) / p.effortWeeks);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Priority of an idea (or solution): under impact × reach the best score of the pain points it
 * addresses; under RICE the best impact × reach among them, times the idea's own confidence,
 * divided by its own effort.
 */
export function ideaPriority(
  idea: Card,
  pains: readonly Pick<PainPriority, "impactWeight" | "reach" | "confidence" | "effortWeeks">[],
  model: PriorityModel = "impact_reach",
): number | null {
  const scores = pains.flatMap((p) => {
    const s =
      model === "rice"
        ? priorityScore({ ...p, confidence: confidenceOf(idea), effortWeeks: effortOf(idea) }, model)
        : priorityScore(p, model);
    return s === null ? [] : [s];
  });
  return scores.length ? Math.max(...scores) : null;
}

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
  /** RICE confidence 0–1 (own estimate, else from the evidence level). */
  confidence: number;
  /** RICE effort in person-weeks, null when not estimated. */
  effortWeeks: number | null;
  /** The priority under `model` (`priorityScore`), null when a factor is unknown. */
  score: number | null;
  /** How `score` was computed. */
  model: PriorityModel;
  /** Dots of the last revealed workshop vote (first tie-breaker; team opinion, never part of the score). */
  votes: number;
  /** Lowest emotion level at the stage over all personas (tie-breaker), null without points. */
  emotion: number | null;
  /** 1-based position in the ranking. */
  rank: number;
}

/** Options of `prioritizePainPoints`. */
export interface PriorityOptions {
  /** Also rank pain points whose status is done or won't fix (default false). */
  includeResolved?: boolean;
  /** The workspace's priority model (default impact × reach). */
  model?: PriorityModel;
}

/** True for a card holding pain-point fields. */
export function isPainCard(c: Card): c is PainCard {
  return c.fields.kind === "pain";
}

/** True while a pain point still needs work. */
export function isUnresolved(c: PainCard): boolean {
  return c.fields.status === "open" || c.fields.status === "in_progress";
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
 * reach, by what is known (impact weight, then reach). Ties go to more workshop votes (a revealed
 * dot vote, see domain/workshop), then to the lower emotion at the stage (stages without emotion
 * data after those with), then to stage order and card order.
 */
function compare(a: PainPriority & { pos: number }, b: PainPriority & { pos: number }): number {
  const known = Number(b.score !== null) - Number(a.score !== null);
  if (known !== 0) return known;
  const byScore =
    a.score !== null
      ? desc(a.score, b.score)
      : desc(a.impactWeight, b.impactWeight) || desc(a.reach, b.reach);
  return byScore || b.votes - a.votes || asc(a.emotion, b.emotion) || a.pos - b.pos;
}

/** Pain points of the map ranked by `priorityScore` under the given model (see `compare` for ties). */
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
      const model = opts.model ?? "impact_reach";
      const input = {
        impactWeight: weight,
        reach: card.fields.reach,
        confidence: confidenceOf(card),
        effortWeeks: effortOf(card),
      };
      return {
        card,
        stageId: card.stageId,
        stageName: stages[stage]?.name ?? card.stageId,
        ...input,
        score: priorityScore(input, model),
        model,
        votes: card.fields.votes,
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
