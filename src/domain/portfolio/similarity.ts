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

/** A pain point's best partners so far: at most `MAX_SUGGESTIONS_PER_PAIN`, best first. */
type Best = { j: number; score: number }[];

function offer(best: Best, j: number, score: number): void {
  const worse = (x: { j: number; score: number }) => x.score < score || (x.score === score && x.j > j);
  if (best.length >= MAX_SUGGESTIONS_PER_PAIN && !worse(best[best.length - 1] as Best[number])) return;
  const at = best.findIndex(worse);
  best.splice(at === -1 ? best.length : at, 0, { j, score });
  if (best.length > MAX_SUGGESTIONS_PER_PAIN) best.pop();
}

/**
 * Pairs of pain points on different maps with cosine ≥ `threshold` sharing `MIN_SHARED_TERMS`
 * terms, best first (ties: pair key). Each pain point's `MAX_SUGGESTIONS_PER_PAIN` best partners
 * are the candidates; taken best first, each pain point keeps at most that many. Docs beyond
 * `MAX_SIMILARITY_DOCS` are ignored (callers pass the newest first and say so). Memory stays
 * linear: only documents sharing a term are compared (an inverted index), and only the best
 * partners of each are kept (`bench/portfolio/similar-pains.ts`).
 */
export function similarPairs(
  docs: readonly PainDoc[],
  { threshold = SIMILARITY_THRESHOLD, minShared = MIN_SHARED_TERMS } = {},
): SimilarPair[] {
  const use = docs.slice(0, MAX_SIMILARITY_DOCS).filter((d) => d.terms.length > 0);
  const n = use.length;
  const idf = idfOf(use);
  const vectors = use.map((d) => vectorOf(d.terms, idf));
  // Inverted index: per term, the documents carrying it and their weight.
  const postings = new Map<string, { doc: number[]; w: number[] }>();
  vectors.forEach((v, i) => {
    for (const [t, w] of v) {
      const p = postings.get(t) ?? { doc: [], w: [] };
      if (p.doc.length === 0) postings.set(t, p);
      p.doc.push(i);
      p.w.push(w);
    }
  });
  const maps = use.map((d) => d.mapId);
  const dots = new Float64Array(n);
  const sharedCount = new Int32Array(n);
  const best: Best[] = use.map(() => []);
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const [t, w] of vectors[i] as Vector) {
      const p = postings.get(t) as { doc: number[]; w: number[] };
      // Postings are in document order: the ones after i start past i's own entry.
      for (let k = p.doc.indexOf(i) + 1; k < p.doc.length; k++) {
        const j = p.doc[k] as number;
        if (maps[j] === maps[i]) continue;
        if (sharedCount[j] === 0) touched.push(j);
        dots[j] = (dots[j] as number) + w * (p.w[k] as number);
        sharedCount[j] = (sharedCount[j] as number) + 1;
      }
    }
    const vi = (vectors[i] as Vector).size;
    for (const j of touched) {
      const dot = Math.min(1, dots[j] as number);
      const enough = (sharedCount[j] as number) >= Math.min(minShared, vi, (vectors[j] as Vector).size);
      if (dot >= threshold - 1e-12 && enough) {
        offer(best[i] as Best, j, dot);
        offer(best[j] as Best, i, dot);
      }
      dots[j] = 0;
      sharedCount[j] = 0;
    }
  }
  const candidates = new Map<string, SimilarPair>();
  best.forEach((list, i) => {
    for (const { j, score } of list) {
      const [x, y] = i < j ? [i, j] : [j, i];
      const a = use[x] as PainDoc;
      const b = use[y] as PainDoc;
      const key = pairKey(a, b);
      if (candidates.has(key)) continue;
      const other = vectors[y] as Vector;
      const shared = [...(vectors[x] as Vector).keys()]
        .filter((t) => other.has(t))
        .sort((p, q) => (idf.get(q) ?? 0) - (idf.get(p) ?? 0) || (p < q ? -1 : 1));
      candidates.set(key, {
        a: { mapId: a.mapId, cardId: a.cardId },
        b: { mapId: b.mapId, cardId: b.cardId },
        score: Math.round(score * 1000) / 1000,
        shared,
      });
    }
  });
  const pairs = [...candidates].sort(([kx, x], [ky, y]) => y.score - x.score || (kx < ky ? -1 : 1));
  const kept = new Map<string, number>();
  return pairs
    .filter(([, p]) => {
      const ka = keyOf(p.a);
      const kb = keyOf(p.b);
      if ((kept.get(ka) ?? 0) >= MAX_SUGGESTIONS_PER_PAIN || (kept.get(kb) ?? 0) >= MAX_SUGGESTIONS_PER_PAIN)
        return false;
      kept.set(ka, (kept.get(ka) ?? 0) + 1);
      kept.set(kb, (kept.get(kb) ?? 0) + 1);
      return true;
    })
    .map(([, p]) => p);
}
