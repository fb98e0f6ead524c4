import type { DfgEdge, Variant } from "./log-results.ts";

/**
 * Stages of a draft map from a log's variants (the algorithm of `docs/guide/journey-data.md`,
 * "Draft a map from a log"). Deterministic: the same variants always give the same stages.
 *
 * 1. The dominant variants are the most frequent ones that together cover `coverage` of the cases
 *    (at least one).
 * 2. Each activity gets a position in 0…1: where it first occurs in a dominant variant
 *    (index / (length − 1)), averaged over those variants weighted by their cases. Activities
 *    absent from the dominant variants are placed the same way over every variant read; those in
 *    no variant read sit just after the mean position of their DFG predecessors (else at the end).
 * 3. Activities are ordered by position (ties: byte order of the name), then cut into at most
 *    `maxStages` contiguous groups. A case going back in that order (rework, activities in either
 *    order) forbids every cut it crosses, so cuts are chosen greedily by the fewest cases they put
 *    out of order (ties: the largest position gap, then the earlier cut): up to 5 stages always,
 *    more only while each extra cut puts at most `slack` of the cases out of order. The stages'
 *    in-order share on their own log is therefore as high as the cuts allow.
 * 4. A stage is named after its most frequent activity (cases having it).
 */

/** A proposed stage: a run of activities in the dominant order. */
export interface StageGroup {
  /** Proposed name (the group's most frequent activity). */
  name: string;
  /** Activities of the stage, in the dominant order. */
  activities: string[];
}

/** What the ordering found. */
export interface StageProposal {
  /** The stages, in order. */
  stages: StageGroup[];
  /** Number of dominant variants used. */
  dominantVariants: number;
  /** Share of cases the dominant variants cover. */
  dominantShare: number;
  /** Position (0…1) of every activity. */
  positions: Record<string, number>;
}

/** Options of the ordering. */
export interface StageOptions {
  /** Share of cases the dominant variants must cover (default 0.8). */
  coverage?: number;
  /** Most stages (default 10). */
  maxStages?: number;
  /** Share of cases a cut beyond the fifth stage may put out of order (default 0.01). */
  slack?: number;
}

/** The most frequent variants covering `coverage` of `cases` (at least one). */
export function dominantVariants(variants: readonly Variant[], cases: number, coverage: number): Variant[] {
  const out: Variant[] = [];
  let covered = 0;
  for (const v of variants) {
    if (out.length > 0 && covered >= coverage * cases) break;
    out.push(v);
    covered += v.count;
  }
  return out;
}

/** Case-weighted mean first-occurrence position of each activity in `variants`. */
function positionsIn(variants: readonly Variant[]): Map<string, { pos: number; weight: number }> {
  const sums = new Map<string, { sum: number; weight: number }>();
  for (const v of variants) {
    const last = Math.max(1, v.activities.length - 1);
    const seen = new Set<string>();
    v.activities.forEach((a, i) => {
      if (seen.has(a)) return;
      seen.add(a);
      const s = sums.get(a) ?? { sum: 0, weight: 0 };
      s.sum += (v.activities.length === 1 ? 0 : i / last) * v.count;
      s.weight += v.count;
      sums.set(a, s);
    });
  }
  return new Map([...sums].map(([a, s]) => [a, { pos: s.sum / s.weight, weight: s.weight }]));
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Positions of every activity (dominant variants, then all variants, then DFG predecessors). */
function placeAll(
  activities: readonly string[],
  dominant: readonly Variant[],
  all: readonly Variant[],
  dfg: readonly DfgEdge[],
): Map<string, number> {
  const main = positionsIn(dominant);
  const rest = positionsIn(all);
  const pos = new Map<string, number>();
  for (const a of activities) {
    const p = main.get(a) ?? rest.get(a);
    if (p) pos.set(a, p.pos);
  }
  for (const a of [...activities].sort(byteOrder)) {
    if (pos.has(a)) continue;
    const preds = dfg.filter((e) => e.to === a && e.from !== a && pos.has(e.from));
    const weight = preds.reduce((s, e) => s + e.count, 0);
    const mean = weight ? preds.reduce((s, e) => s + (pos.get(e.from) as number) * e.count, 0) / weight : 1;
    pos.set(a, Math.min(1, mean + 1e-6));
  }
  return pos;
}

/** Cases lost per cut position: cut `c` (after rank c) breaks a variant that goes back across it. */
function forbiddenCuts(
  ordered: readonly string[],
  variants: readonly Variant[],
): { cuts: Set<number>; count: number }[] {
  const rank = new Map(ordered.map((a, i) => [a, i]));
  return variants.map((v) => {
    const cuts = new Set<number>();
    for (let i = 1; i < v.activities.length; i++) {
      const from = rank.get(v.activities[i - 1] as string) as number;
      const to = rank.get(v.activities[i] as string) as number;
      for (let c = to; c < from; c++) cuts.add(c);
    }
    return { cuts, count: v.count };
  });
}

/**
 * Cut positions (after rank c) making at most `k` groups: greedily the cut breaking the fewest cases
 * not yet broken (ties: the largest position gap, then the earlier cut). Cuts are taken until there
 * are `min(5, k)` groups, then only while a cut breaks at most `slack` more cases.
 */
function cutPoints(
  ordered: readonly string[],
  pos: Map<string, number>,
  variants: readonly Variant[],
  k: number,
  slack: number,
): Set<number> {
  const n = ordered.length;
  const gap = (c: number) =>
    (pos.get(ordered[c + 1] as string) as number) - (pos.get(ordered[c] as string) as number);
  const alive = forbiddenCuts(ordered, variants);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, n) - 1) {
    let best = -1;
    let bestLoss = Number.POSITIVE_INFINITY;
    for (let c = 0; c < n - 1; c++) {
      if (chosen.has(c)) continue;
      const loss = alive.reduce((s, v) => (v.cuts.has(c) ? s + v.count : s), 0);
      if (loss < bestLoss || (loss === bestLoss && gap(c) > gap(best))) [best, bestLoss] = [c, loss];
    }
    if (chosen.size >= Math.min(5, k) - 1 && bestLoss > slack) break;
    chosen.add(best);
    for (let i = alive.length - 1; i >= 0; i--) if (alive[i]?.cuts.has(best)) alive.splice(i, 1);
  }
  return chosen;
}

/** Proposes the stages of a journey from a log's variants (see the module comment). */
export function proposeStages(
  activities: readonly string[],
  variants: readonly Variant[],
  cases: number,
  dfg: readonly DfgEdge[],
  opts: StageOptions = {},
): StageProposal {
  const dominant = dominantVariants(variants, cases, opts.coverage ?? 0.8);
  const pos = placeAll(activities, dominant, variants, dfg);
  const ordered = [...activities].sort(
    (a, b) => (pos.get(a) as number) - (pos.get(b) as number) || byteOrder(a, b),
  );
  const slack = (opts.slack ?? 0.01) * cases;
  const cuts = cutPoints(ordered, pos, variants, Math.max(1, opts.maxStages ?? 10), slack);
  const weight = positionsIn(variants);
  const stages: StageGroup[] = [];
  let current: string[] = [];
  ordered.forEach((a, i) => {
    current.push(a);
    if (!cuts.has(i) && i < ordered.length - 1) return;
    const top = [...current].sort((x, y) => (weight.get(y)?.weight ?? 0) - (weight.get(x)?.weight ?? 0))[0];
    stages.push({ name: top as string, activities: current });
    current = [];
  });
  const covered = dominant.reduce((s, v) => s + v.count, 0);
  return {
    stages,
    dominantVariants: dominant.length,
    dominantShare: cases ? covered / cases : 0,
    positions: Object.fromEntries(ordered.map((a) => [a, pos.get(a) as number])),
  };
}
