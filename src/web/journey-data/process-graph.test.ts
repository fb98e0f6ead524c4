import { describe, expect, it } from "vitest";
import type { DfgEdge, VariantsResult } from "../../domain/journey-data/index.ts";
import { caseCoverage, END, edgeKey, processGraph, START } from "./process-graph.ts";

// Ten cases: 6 × a b c, 3 × a c, 1 × a d d c.
const variants: VariantsResult = {
  cases: 10,
  total: 3,
  coverage: 1,
  variants: [
    { activities: ["a", "b", "c"], count: 6, share: 0.6 },
    { activities: ["a", "c"], count: 3, share: 0.3 },
    { activities: ["a", "d", "d", "c"], count: 1, share: 0.1 },
  ],
};
const e = (from: string, to: string, count: number): DfgEdge => ({
  from,
  to,
  count,
  meanMs: 1000,
  medianMs: 1000,
});
const dfg = [e("a", "b", 6), e("b", "c", 6), e("a", "c", 3), e("a", "d", 1), e("d", "d", 1), e("d", "c", 1)];
const starts = [{ activity: "a", count: 10 }];
const ends = [{ activity: "c", count: 10 }];

describe("case coverage", () => {
  it("counts a case once per activity and per pair, with start and end pairs", () => {
    const c = caseCoverage(variants);
    expect(c.activities.get("a")).toBe(10);
    expect(c.activities.get("d")).toBe(1);
    expect(c.edges.get(edgeKey("d", "d"))).toBe(1);
    expect(c.edges.get(edgeKey(START, "a"))).toBe(10);
    expect(c.edges.get(edgeKey("c", END))).toBe(10);
    expect(c.edges.get(edgeKey("a", "c"))).toBe(3);
  });
});

describe("process graph", () => {
  it("draws every activity between a start and an end node", () => {
    const g = processGraph({ edges: dfg, starts, ends, coverage: caseCoverage(variants), minShare: 0 });
    expect(g.nodes.map((n) => n.id)).toEqual([START, "a", "b", "c", "d", END]);
    expect(g.nodes.find((n) => n.id === "c")?.events).toBe(10);
    expect(g.edges).toHaveLength(8);
    expect(g.hiddenActivities + g.hiddenEdges).toBe(0);
  });

  it("keeps only activities and edges covering at least the share of cases", () => {
    const g = processGraph({ edges: dfg, starts, ends, coverage: caseCoverage(variants), minShare: 0.3 });
    expect(g.nodes.map((n) => n.id)).toEqual([START, "a", "b", "c", END]);
    expect(g.edges.map((x) => `${x.from}>${x.to}`).sort()).toEqual(
      ["\u0000start>a", "a>b", "a>c", "b>c", "c>\u0000end"].sort(),
    );
    expect(g.hiddenActivities).toBe(1);
    expect(g.hiddenEdges).toBe(3);
    const strict = processGraph({
      edges: dfg,
      starts,
      ends,
      coverage: caseCoverage(variants),
      minShare: 0.31,
    });
    expect(strict.edges.some((x) => x.id === edgeKey("a", "c"))).toBe(false);
  });

  it("drops an activity whose every path is filtered out", () => {
    // b is in 60 % of cases, but a→b and b→c only in 60 %: at 61 % b stays by itself and goes.
    const cov = caseCoverage(variants);
    cov.activities.set("b", 10);
    const g = processGraph({ edges: dfg, starts, ends, coverage: cov, minShare: 0.61 });
    expect(g.nodes.map((n) => n.id)).toEqual([START, "a", "c", END]);
    expect(g.hiddenActivities).toBe(2);
  });

  it("ignores the filter while the coverage is unknown", () => {
    const g = processGraph({ edges: dfg, starts, ends, coverage: null, minShare: 0.9 });
    expect(g.nodes).toHaveLength(6);
  });
});
