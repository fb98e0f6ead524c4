import type { LogEvent } from "../model.ts";

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random small log: few activities (so funnels match), coarse timestamps (so ties happen and
 * file order matters), events of a case not in time order, and a `channel` attribute.
 */
export function randomLog(seed: number): LogEvent[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const acts = ["A", "B", "C", "D", "É"].slice(0, 2 + Math.floor(r() * 4));
  const cases = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, i) => `c${i}`);
  const n = 1 + Math.floor(r() * 40);
  return Array.from({ length: n }, (_, seq) => {
    const channel = r() < 0.2 ? undefined : pick(["web", "app", "store"]);
    return {
      caseId: pick(cases),
      activity: pick(acts),
      timestamp: 1_700_000_000_000 + Math.floor(r() * 6) * 3_600_000,
      seq,
      attrs: (channel ? { channel } : {}) as Record<string, string>,
    };
  });
}
