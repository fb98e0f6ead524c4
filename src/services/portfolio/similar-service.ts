import { createHash } from "node:crypto";
import { orderedStages } from "../../domain/analysis/curve.ts";
import { invalid, type JourneyMap, type Problem } from "../../domain/index.ts";
import {
  MAX_SIMILARITY_DOCS,
  type PainDoc,
  pairKey,
  SIMILARITY_THRESHOLD,
  type SimilarPair,
  similarPairs,
} from "../../domain/portfolio/index.ts";
import type { PainLinkState, PainRef } from "../../storage/pain-links.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { JourneyService } from "../journey-service.ts";
import { painTerms } from "./pain-terms.ts";
import { loadWorkspaceMaps } from "./workspace-maps.ts";

export type { PainRef } from "../../storage/pain-links.ts";

/** A pain point as a suggestion or sibling shows it. */
export interface PainBrief {
  mapId: string;
  mapTitle: string;
  cardId: string;
  stageName: string;
  /** First line of the card. */
  summary: string;
}

/** A pain point of another map whose text is like this one's. */
export interface SimilarSuggestion extends PainBrief {
  /** TF-IDF cosine of the two texts, 0–1. */
  score: number;
  /** The terms they share, heaviest first. */
  shared: string[];
}

/** One pain point with its suggestions and the pain points linked to it. */
export interface SimilarPainEntry {
  pain: PainBrief;
  /** Similar pain points of other maps, neither linked nor dismissed, best first. */
  suggestions: SimilarSuggestion[];
  /** Pain points of other maps linked to this one (its siblings). */
  siblings: PainBrief[];
}

/** Similar pain points across the maps of a workspace. */
export interface SimilarReport {
  /** Cosine a pair needs to be suggested. */
  threshold: number;
  /** Pain points compared. */
  compared: number;
  /** True when the workspace has more pain points than `MAX_SIMILARITY_DOCS` (the newest maps' are compared). */
  truncated: boolean;
  /** Pain points with a suggestion or a sibling (or the one asked for), in portfolio map order. */
  items: SimilarPainEntry[];
}

/** What to do with a pair of pain points. */
export type PainLinkDecision = "link" | "dismiss" | "unlink";

/** Workspaces whose last scoring is kept (least recently scored dropped first). */
export const MAX_CACHED_WORKSPACES = 20;

const key = (r: PainRef) => `${r.mapId}\u001f${r.cardId}`;

/**
 * Suggests links between pain points of different maps by text similarity (wink-nlp lemmas, TF-IDF
 * cosine), and keeps what the team decided: linked pairs show as siblings, dismissed pairs are
 * not suggested again. Decisions live in the `pain_links` table, outside the maps.
 */
export class SimilarPainService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Last scoring per workspace, reused while no pain point's text changed (scoring is quadratic). */
  private readonly cache = new Map<string, { fingerprint: string; pairs: SimilarPair[] }>();

  /**
   * The similar pairs of the workspace's pain points. The texts are hashed first (linear): the
   * same texts give the cached pairs without tokenising or scoring again.
   */
  private async scored(
    ws: string,
    pains: ReadonlyMap<string, { mapId: string; cardId: string; text: string }>,
  ): Promise<{ pairs: SimilarPair[]; compared: number }> {
    const h = createHash("sha256");
    for (const p of pains.values()) h.update(`${p.mapId}\u001f${p.cardId}\u001f${p.text}\u001e`);
    const fingerprint = h.digest("hex");
    const hit = this.cache.get(ws);
    if (hit?.fingerprint === fingerprint) return { pairs: hit.pairs, compared: pains.size };
    const terms = await painTerms();
    const docs: PainDoc[] = [...pains.values()].map((p) => ({
      mapId: p.mapId,
      cardId: p.cardId,
      terms: terms(p.text),
    }));
    const pairs = similarPairs(docs);
    this.cache.delete(ws);
    this.cache.set(ws, { fingerprint, pairs });
    if (this.cache.size > MAX_CACHED_WORKSPACES) this.cache.delete(this.cache.keys().next().value as string);
    return { pairs, compared: pains.size };
  }

  private async pains(ws: string): Promise<Map<string, PainBrief & { text: string }>> {
    const maps = (await loadWorkspaceMaps(this.journeys, ws)).filter((m) => m.status !== "archived");
    const out = new Map<string, PainBrief & { text: string }>();
    for (const m of maps) for (const p of painsOf(m)) out.set(key(p), p);
    return out;
  }

  /**
   * Suggestions and siblings of every pain point of the workspace, or of one (`only`: a pain
   * point of the workspace, else `not_found`).
   */
  async report(ws: string, only?: PainRef): Promise<SimilarReport> {
    const pains = await this.pains(ws);
    if (only && !pains.has(key(only)))
      throw invalid("invalid_request", "not a pain point of this workspace", [
        { path: "query.cardId", message: `no pain point "${only.cardId}" on map ${only.mapId}` },
      ]);
    const { pairs, compared } = await this.scored(ws, pains);
    const decided = new Map<string, PainLinkState>();
    for (const l of await this.store.painLinks.list(ws)) decided.set(pairKey(l.a, l.b), l.state);
    const suggestions = new Map<string, SimilarSuggestion[]>();
    const siblings = new Map<string, PainBrief[]>();
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);
    for (const pair of pairs) {
      if (decided.has(pairKey(pair.a, pair.b))) continue;
      const a = pains.get(key(pair.a)) as PainBrief;
      const b = pains.get(key(pair.b)) as PainBrief;
      push(suggestions, key(a), { ...brief(b), score: pair.score, shared: pair.shared });
      push(suggestions, key(b), { ...brief(a), score: pair.score, shared: pair.shared });
    }
    for (const l of await this.store.painLinks.list(ws)) {
      const a = pains.get(key(l.a));
      const b = pains.get(key(l.b));
      if (l.state !== "linked" || !a || !b) continue;
      push(siblings, key(a), brief(b));
      push(siblings, key(b), brief(a));
    }
    const wanted = only ? [pains.get(key(only)) as PainBrief] : [...pains.values()];
    const items = wanted
      .map((p) => ({
        pain: brief(p),
        suggestions: suggestions.get(key(p)) ?? [],
        siblings: siblings.get(key(p)) ?? [],
      }))
      .filter((e) => only || e.suggestions.length > 0 || e.siblings.length > 0);
    return {
      threshold: SIMILARITY_THRESHOLD,
      compared: Math.min(compared, MAX_SIMILARITY_DOCS),
      truncated: compared > MAX_SIMILARITY_DOCS,
      items,
    };
  }

  /**
   * Links two pain points of different maps, dismisses the suggestion, or forgets the decision
   * (unlink: the pair may be suggested again). Both must be pain points of the workspace's maps.
   * Answers the entry of `a` afterwards.
   */
  async decide(ws: string, a: PainRef, b: PainRef, decision: PainLinkDecision): Promise<SimilarPainEntry> {
    const pains = await this.pains(ws);
    const problems: Problem[] = [];
    for (const [side, r] of [
      ["a", a],
      ["b", b],
    ] as const)
      if (!pains.has(key(r)))
        problems.push({
          path: `body.${side}.cardId`,
          message: `no pain point "${r.cardId}" on map ${r.mapId}`,
        });
    if (problems.length === 0 && a.mapId === b.mapId)
      problems.push({ path: "body.b.mapId", message: "link pain points of different maps" });
    if (problems.length > 0) throw invalid("invalid_request", "invalid pain point link", problems);
    if (decision === "unlink") await this.store.painLinks.remove(ws, a, b);
    else await this.store.painLinks.set(ws, a, b, decision === "link" ? "linked" : "dismissed", this.clock());
    return (await this.report(ws, a)).items[0] as SimilarPainEntry;
  }
}

function brief(p: PainBrief): PainBrief {
  return {
    mapId: p.mapId,
    mapTitle: p.mapTitle,
    cardId: p.cardId,
    stageName: p.stageName,
    summary: p.summary,
  };
}

function painsOf(m: JourneyMap): (PainBrief & { text: string })[] {
  const names = new Map<string, string>(orderedStages(m).map((s) => [s.id, s.name]));
  return m.cards
    .filter((c) => c.fields.kind === "pain")
    .map((c) => ({
      mapId: m.id,
      mapTitle: m.title,
      cardId: c.id,
      stageName: names.get(c.stageId) ?? c.stageId,
      summary: c.text.trim().split("\n")[0] ?? "",
      text: c.text,
    }));
}
