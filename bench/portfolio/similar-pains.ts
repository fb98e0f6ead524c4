/**
 * Similar pain points across maps: time to tokenise (wink-nlp) and to score a workspace of N pain
 * points (`similarPairs`, inverted index), against a baseline measured in the same run: the same
 * TF-IDF cosine over every pair (no index). Synthetic texts from a fixed vocabulary, seeded.
 * Run: `npx tsx bench/portfolio/similar-pains.ts` (prints a Markdown table; CPU time, wall in brackets).
 */
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { type PainDoc, SIMILARITY_THRESHOLD, similarPairs } from "../../src/domain/portfolio/similarity.ts";
import { painTerms } from "../../src/services/portfolio/pain-terms.ts";

const SUBJECTS = [
  "refund",
  "delivery",
  "checkout",
  "payment",
  "login",
  "password",
  "invoice",
  "parcel",
  "app",
  "hotline",
  "appointment",
  "voucher",
  "order",
  "account",
  "chat",
  "form",
  "price",
  "booking",
  "courier",
  "receipt",
];
const PROBLEMS = [
  "takes weeks",
  "is slow on mobile",
  "fails without a message",
  "is hard to find",
  "crashes at the last step",
  "needs a phone call",
  "arrives late",
  "is confusing",
  "gets lost",
  "costs too much",
  "times out",
  "asks for the same data twice",
];
const CONTEXT = [
  "after the purchase",
  "during onboarding",
  "for new customers",
  "on weekends",
  "in the app",
  "at the counter",
  "for business clients",
  "when abroad",
  "in the evening",
  "",
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function texts(n: number): { mapId: string; cardId: string; text: string }[] {
  const r = rng(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)] as T;
  return Array.from({ length: n }, (_, i) => ({
    mapId: `m${i % Math.max(2, Math.round(n / 20))}`,
    cardId: `p${i}`,
    text: `The ${pick(SUBJECTS)} ${pick(PROBLEMS)} ${pick(CONTEXT)}`.trim(),
  }));
}

/** Baseline: the same vectors, every pair of different maps compared (what an index avoids). */
function allPairs(docs: readonly PainDoc[]): number {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const vec = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, k] of tf) {
      const w = (1 + Math.log(k)) * (Math.log((1 + docs.length) / (1 + (df.get(t) ?? 0))) + 1);
      v.set(t, w);
      norm += w * w;
    }
    for (const [t, w] of v) v.set(t, w / Math.sqrt(norm));
    return v;
  });
  let hits = 0;
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      if (docs[i]?.mapId === docs[j]?.mapId) continue;
      let dot = 0;
      for (const [t, w] of vec[i] as Map<string, number>)
        dot += w * ((vec[j] as Map<string, number>).get(t) ?? 0);
      if (dot >= SIMILARITY_THRESHOLD) hits++;
    }
  return hits;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/**
 * Median CPU time (user + system) of `runs` calls: on 2 cores shared by ~9 engineers (load 15–25)
 * wall-clock time mostly measures waiting for a core, CPU time what the code costs.
 */
function time<T>(runs: number, f: () => T): { ms: number; wall: number; out: T } {
  const ms: number[] = [];
  const wall: number[] = [];
  let out: T | undefined;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    ms.push((c.user + c.system) / 1000);
  }
  return { ms: median(ms), wall: median(wall), out: out as T };
}

const terms = await painTerms();
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
console.log(
  "| pain points | tokenise, CPU ms | score with index, CPU ms (wall) | pairs kept | baseline all pairs, CPU ms (wall) | baseline ÷ index (CPU) |",
);
console.log("|---|---|---|---|---|---|");
for (const n of [500, 1000, 5000]) {
  const raw = texts(n);
  const tok = time(3, () => raw.map((d) => ({ mapId: d.mapId, cardId: d.cardId, terms: terms(d.text) })));
  const docs = tok.out;
  const idx = time(3, () => similarPairs(docs));
  const base = time(n >= 5000 ? 1 : 3, () => allPairs(docs));
  console.log(
    `| ${n} | ${tok.ms.toFixed(0)} | ${idx.ms.toFixed(0)} (${idx.wall.toFixed(0)}) | ${idx.out.length} | ${base.ms.toFixed(0)} (${base.wall.toFixed(0)}) | ${(base.ms / idx.ms).toFixed(1)} |`,
  );
}
console.log(
  `load after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
