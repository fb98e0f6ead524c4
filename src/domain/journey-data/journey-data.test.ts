import { describe, expect, it } from "vitest";
import { applyCommands } from "../commands/apply.ts";
import { MapCommandSchema } from "../commands/schema.ts";
import { sampleDoc } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { designedVsActual } from "./designed-vs-actual.ts";
import { activityMatcher, wildcardToRegex } from "./match.ts";
import { meanEstimate, npsEstimate, wilson } from "./statistics.ts";
import { SurveyResponseSchema, surveyResults } from "./surveys.ts";

/** Stages Aware (s1), Research (s2), Buy (s3) with rules for the running-example-like activities. */
function mappedMap() {
  const doc = sampleDoc();
  const cmds = [
    { type: "addActivityRule", id: "r1", match: "exact", pattern: "register request", stageId: "s1" },
    { type: "addActivityRule", id: "r2", match: "wildcard", pattern: "examine *", stageId: "s2" },
    {
      type: "addActivityRule",
      id: "r3",
      match: "regex",
      pattern: "^(pay|reject)",
      ignoreCase: true,
      stageId: "s3",
    },
  ].map((c) => MapCommandSchema.parse(c));
  applyCommands(doc, cmds);
  return fromYDoc(doc);
}

describe("activity matching", () => {
  it("matches exact, wildcard and regex rules in order", () => {
    const m = activityMatcher(mappedMap().activityRules);
    expect(m("register request")?.stageId).toBe("s1");
    expect(m("Register Request")).toBeNull();
    expect(m("examine thoroughly")?.ruleId).toBe("r2");
    expect(m("examine")).toBeNull();
    expect(m("Pay compensation")?.stageId).toBe("s3");
    expect(m("decide")).toBeNull();
    expect(wildcardToRegex("a.b*?")).toBe("^a\\.b.*.$");
  });
});

describe("designed vs actual", () => {
  it("counts reach, order, drop-off and hidden activities", () => {
    const r = designedVsActual(mappedMap(), [
      { activities: ["register request", "examine casually", "decide", "pay compensation"], count: 3 },
      { activities: ["register request", "examine thoroughly", "decide", "reject request"], count: 2 },
      { activities: ["register request", "decide"], count: 1 },
      { activities: ["examine casually", "register request", "pay compensation"], count: 1 },
      { activities: ["decide", "decide"], count: 1 },
    ]);
    expect(r).toMatchObject({ cases: 8, mappedCases: 7, inOrder: 6, completeInOrder: 5 });
    expect(r.stages.map((s) => [s.reached, s.leftHere])).toEqual([
      [7, 1],
      [6, 0],
      [6, 0],
    ]);
    expect(r.stages[1]?.conversion).toBeCloseTo(6 / 7);
    expect(r.hiddenActivities).toEqual([{ activity: "decide", events: 8, cases: 7 }]);
    expect(r.unreachedStages).toEqual([]);
  });

  it("names stages nobody reaches and reports all activities when no rule exists", () => {
    const map = fromYDoc(sampleDoc());
    const r = designedVsActual(map, [{ activities: ["a", "b"], count: 2 }]);
    expect(r.unreachedStages.map((s) => s.stageName)).toEqual(["Aware", "Research", "Buy"]);
    expect(r.hiddenActivities.map((h) => h.activity)).toEqual(["a", "b"]);
    expect(r.inOrderShare).toBe(0);
  });
});

describe("statistics", () => {
  it("computes Wilson, t and NPS intervals", () => {
    const w = wilson(8, 10);
    expect(w.value).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
    const m = meanEstimate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.value).toBe(5);
    expect(m.high - m.value).toBeCloseTo(2.365 * (2.138 / Math.sqrt(8)), 2);
    const nps = npsEstimate([10, 10, 9, 8, 7, 6, 3, 10, 9, 0]);
    expect(nps.value).toBeCloseTo(20);
    expect(nps.low).toBeLessThan(20);
    expect(nps.high).toBeGreaterThan(20);
  });
});

describe("surveys", () => {
  const row = (o: object) => ({ caseId: null, stage: null, touchpoint: null, comment: "", ...o });
  it("rejects out-of-range scores and answers without a place", () => {
    const bad = SurveyResponseSchema.safeParse(row({ metric: "csat", score: 6, stage: "Buy" }));
    expect(bad.error?.issues[0]?.path).toEqual(["score"]);
    expect(SurveyResponseSchema.safeParse(row({ metric: "nps", score: 5 })).error?.issues[0]?.path).toEqual([
      "stage",
    ]);
  });

  it("aggregates per stage with intervals, sentiment and a data-backed emotion", () => {
    const rows = [
      row({ metric: "csat", score: 5, stage: "Aware", comment: "Great, loved it" }),
      row({ metric: "csat", score: 4, stage: "aware" }),
      row({ metric: "csat", score: 1, touchpoint: "pay compensation", comment: "Terrible, awful wait" }),
      row({ metric: "nps", score: 2, touchpoint: "reject request" }),
      row({ metric: "ces", score: 7, stage: "s2" }),
      row({ metric: "ces", score: 5, stage: "s2" }),
      row({ metric: "csat", score: 3, stage: "Nowhere" }),
    ].map((r) => SurveyResponseSchema.parse(r));
    const r = surveyResults(mappedMap(), rows);
    const [aware, research, buy] = r.stages;
    expect(aware?.csat).toMatchObject({ value: 1, n: 2 });
    expect(aware?.sentiment?.value).toBeGreaterThan(0);
    expect(aware?.emotion?.value).toBeCloseTo(-3 + (7 / 8) * 6);
    expect(research?.ces).toMatchObject({ value: 6, n: 2 });
    expect(buy?.nps).toMatchObject({ value: -100, n: 1 });
    expect(buy?.sentiment?.value).toBeLessThan(0);
    expect(buy?.emotion?.value).toBeCloseTo(-3 + ((0 + 0.2) / 2) * 6);
    expect(r.unplaced).toEqual([{ name: "Nowhere", responses: 1 }]);
  });
});
