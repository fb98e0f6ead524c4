import { describe, expect, it } from "vitest";
import {
  MAX_SIMILARITY_DOCS,
  MAX_SUGGESTIONS_PER_PAIN,
  MIN_SHARED_TERMS,
  pairKey,
  SIMILARITY_THRESHOLD,
  similarPairs,
} from "./similarity.ts";

const doc = (mapId: string, cardId: string, terms: string) => ({ mapId, cardId, terms: terms.split(" ") });

describe("similar pain points (TF-IDF cosine)", () => {
  it("pairs paraphrases of different maps, not of the same map, and names the shared terms", () => {
    const pairs = similarPairs([
      doc("m1", "a", "refund take week arrive"),
      doc("m2", "b", "wait week refund process"),
      doc("m1", "c", "refund week slow"),
      doc("m3", "d", "staff rude desk"),
    ]);
    const keys = pairs.map((p) => `${p.a.cardId}-${p.b.cardId}`);
    expect(keys).toContain("a-b");
    expect(keys).toContain("b-c");
    expect(keys).not.toContain("a-c"); // same map
    expect(keys.some((k) => k.includes("d"))).toBe(false);
    const ab = pairs.find((p) => p.a.cardId === "a" && p.b.cardId === "b");
    expect(ab?.shared.sort()).toEqual(["refund", "week"]);
    expect(ab?.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(ab?.score).toBeLessThanOrEqual(1);
  });

  it("identical texts score 1, one-word texts too; one shared word of longer texts is no match", () => {
    const [same] = similarPairs([doc("m1", "a", "checkout slow"), doc("m2", "b", "checkout slow")]);
    expect(same?.score).toBe(1);
    expect(similarPairs([doc("m1", "a", "queue"), doc("m2", "b", "queue")])).toHaveLength(1);
    const docs = [
      doc("m1", "a", "page load long"),
      doc("m2", "b", "page confuse"),
      doc("m3", "c", "staff rude"),
    ];
    const weak = similarPairs(docs, { threshold: 0, minShared: 0 }).find(
      (p) => p.a.cardId === "a" && p.b.cardId === "b",
    );
    expect(weak?.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD); // alike by cosine …
    expect(weak?.shared).toEqual(["page"]);
    expect(similarPairs(docs)).toEqual([]); // … but MIN_SHARED_TERMS (2) keeps it out
    expect(MIN_SHARED_TERMS).toBe(2);
  });

  it("rare shared terms weigh more than common ones (IDF)", () => {
    // Three common docs: with a, b and c every pain point has at most 5 partners, all candidates.
    const common = Array.from({ length: 3 }, (_, i) => doc(`x${i}`, "k", "app slow"));
    const pairs = similarPairs(
      [doc("m1", "a", "app voucher"), doc("m2", "b", "app voucher"), doc("m3", "c", "app crash"), ...common],
      { threshold: 0, minShared: 0 },
    );
    const ab = pairs.find(
      (p) => pairKey(p.a, p.b) === pairKey({ mapId: "m1", cardId: "a" }, { mapId: "m2", cardId: "b" }),
    );
    const ac = pairs.find(
      (p) => pairKey(p.a, p.b) === pairKey({ mapId: "m1", cardId: "a" }, { mapId: "m3", cardId: "c" }),
    );
    expect(ab?.shared[0]).toBe("voucher");
    expect(ab?.score ?? 0).toBeGreaterThan(ac?.score ?? 1);
  });

  it("keeps at most MAX_SUGGESTIONS_PER_PAIN partners per pain point, best first", () => {
    const docs = Array.from({ length: 9 }, (_, i) =>
      doc(`m${i}`, "p", `refund late ${i < 3 ? "voucher" : ""}`.trim()),
    );
    const pairs = similarPairs(docs);
    const per = new Map<string, number>();
    for (const p of pairs) for (const s of [p.a, p.b]) per.set(s.mapId, (per.get(s.mapId) ?? 0) + 1);
    expect(Math.max(...per.values())).toBe(MAX_SUGGESTIONS_PER_PAIN);
    const scores = pairs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it("compares at most MAX_SIMILARITY_DOCS pain points (the first ones given)", () => {
    const docs = Array.from({ length: MAX_SIMILARITY_DOCS }, (_, i) => doc(`m${i}`, "p", `unique${i}`));
    const late = [doc("late1", "p", "voucher refund"), doc("late2", "p", "voucher refund")];
    expect(similarPairs([...docs, ...late])).toEqual([]);
    expect(similarPairs([...late, ...docs])).toHaveLength(1);
  });

  it("candidates are each pain point's best partners: a weaker match loses to five better ones", () => {
    // p has six partners; q's match is the weakest for p and for q (q's other words are rare).
    const six = Array.from({ length: 6 }, (_, i) => doc(`s${i}`, "k", "refund late voucher"));
    const pairs = similarPairs([
      doc("m0", "p", "refund late voucher"),
      ...six,
      doc("mq", "q", "refund late parcel lost"),
    ]);
    const ofP = pairs.filter((x) => x.a.cardId === "p" || x.b.cardId === "p");
    expect(ofP).toHaveLength(MAX_SUGGESTIONS_PER_PAIN);
    expect(ofP.some((x) => x.a.cardId === "q" || x.b.cardId === "q")).toBe(false);
  });

  it("pain points without terms are never suggested", () => {
    expect(
      similarPairs(
        [doc("m1", "a", ""), doc("m2", "b", "")].map((d) => ({ ...d, terms: [] })),
        { threshold: 0, minShared: 0 },
      ),
    ).toEqual([]);
  });
});
