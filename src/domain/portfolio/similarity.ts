/**
 * Similar pain points across maps: TF-IDF vectors of each pain point's terms (lemmas without stop
 * words, from the NLP tokeniser in `services/portfolio/pain-terms.ts`) compared by cosine. Pure:
 * the terms come in, scored pairs go out.
 */

/** A pain point as the similarity sees it: where it is and its terms. */
export interface PainDoc {
  mapId: string;
  cardId: string;
  /** Lemmatised content words, stop words removed (repeats count). */
  terms: readonly string[];
}

/** Two pain points of different maps whose texts are alike. */
export interface SimilarPair {
  a: { mapId: string; cardId: string };
  b: { mapId: string; cardId: string };
  /** TF-IDF cosine, 0–1. */
  score: number;
  /** Terms both texts carry, heaviest first (what the suggestion says they share). */
  shared: string[];
}

/**
 * Cosine at or above which two pain points are suggested as similar. Chosen on the test corpus
 * (`similarity.test.ts`, `similar-service.test.ts`): paraphrases of one problem ("refund takes
 * weeks" / "waiting weeks for my refund") score 0.29–0.8 (low in a small workspace, where their
 * shared words are not rare), texts sharing one common word 0.15–0.25.
 */
export const SIMILARITY_THRESHOLD = 0.25;

/**
 * Distinct terms two texts must share as well (or every term of the shorter one, for texts of a
 * single word): one shared word ("long", "page") is a coincidence more often than a match.
 */
export const MIN_SHARED_TERMS = 2;

/** Most pain points compared at once (pairs grow with the square); the newest maps' come first. */
export const MAX_SIMILARITY_DOCS = 5000;

/** Most suggestions kept per pain point (best first). */
export const MAX_SUGGESTIONS_PER_PAIN = 5;

type Vector = Map<string, number>;

const keyOf = (d: { mapId: string; cardId: string }) => `${d.mapId}\u001f${d.cardId}`;

/** The canonical key of an unordered pair of pain points (the smaller side first). */
export function pairKey(x: { mapId: string; cardId: string }, y: { mapId: string; cardId: string }): string {
  const [p, q] = [keyOf(x), keyOf(y)].sort();
  return `${p}\u001e${q}`;
}

/** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, never 0. */
function idfOf(docs: readonly PainDoc[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([t, k]) => [t, Math.log((1 + n) / (1 + k)) + 1]));
}

function vectorOf(terms: readonly string[], idf: ReadonlyMap<string, number>): Vector {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, k] of tf) {
    const w = (1 + Math.log(k)) * (idf.get(t) ?? 1);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/**
 * Pairs of pain points on different maps with cosine ≥ `threshold` sharing `MIN_SHARED_TERMS`
 * terms, best first (ties: pair key).
 * Each pain point keeps at most `MAX_SUGGESTIONS_PER_PAIN` partners; docs beyond
 * `MAX_SIMILARITY_DOCS` are ignored (callers pass the newest first and say so).
 */
export function similarPairs(
  docs: readonly PainDoc[],
  { threshold = SIMILARITY_THRESHOLD, minShared = MIN_SHARED_TERMS } = {},
): SimilarPair[] {
  const use = docs.slice(0, MAX_SIMILARITY_DOCS).filter((d) => d.terms.length > 0);
  const idf = idfOf(use);
  const vectors = use.map((d) => vectorOf(d.terms, idf));
  // Inverted index: only documents sharing a term are compared.
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.keys()) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const pairs: SimilarPair[] = [];
  vectors.forEach((v, i) => {
    const dots = new Map<number, number>();
    for (const [t, w] of v)
      for (const j of postings.get(t) ?? [])
        if (j > i && use[j]?.mapId !== use[i]?.mapId)
          dots.set(j, (dots.get(j) ?? 0) + w * ((vectors[j] as Vector).get(t) ?? 0));
    for (const [j, dot] of dots) {
      if (dot < threshold - 1e-12) continue;
      const a = use[i] as PainDoc;
      const b = use[j] as PainDoc;
      const other = vectors[j] as Vector;
      const shared = [...v.keys()]
        .filter((t) => other.has(t))
        .sort((x, y) => (idf.get(y) ?? 0) - (idf.get(x) ?? 0) || (x < y ? -1 : 1));
      if (shared.length < Math.min(minShared, v.size, other.size)) continue;
      pairs.push({
        a: { mapId: a.mapId, cardId: a.cardId },
        b: { mapId: b.mapId, cardId: b.cardId },
        score: Math.round(Math.min(1, dot) * 1000) / 1000,
        shared,
      });
    }
  });
  pairs.sort((x, y) => y.score - x.score || (pairKey(x.a, x.b) < pairKey(y.a, y.b) ? -1 : 1));
  const kept = new Map<string, number>();
  return pairs.filter((p) => {
    const ka = keyOf(p.a);
    const kb = keyOf(p.b);
    if ((kept.get(ka) ?? 0) >= MAX_SUGGESTIONS_PER_PAIN || (kept.get(kb) ?? 0) >= MAX_SUGGESTIONS_PER_PAIN)
      return false;
    kept.set(ka, (kept.get(ka) ?? 0) + 1);
    kept.set(kb, (kept.get(kb) ?? 0) + 1);
    return true;
  });
}
