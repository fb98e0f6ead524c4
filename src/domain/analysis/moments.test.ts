import { describe, expect, it } from "vitest";
import { findMomentsOfTruth } from "./moments.ts";
import { buildMap, curveMap } from "./test-maps.ts";

describe("moments of truth", () => {
  it("lists flagged stages and where the largest drops land and peaks sit, in stage order", () => {
    const base = curveMap([2, -1, 3, 0, -3]);
    const map = {
      ...base,
      stages: base.stages.map((s) => (s.id === "s1" ? { ...s, momentOfTruth: true } : s)),
    };
    const moments = findMomentsOfTruth(map, { maxDetected: 1 });
    // drops: s1→s2 (3), s3→s4 (3), s4→s5 (3): ties keep journey order, so s2 wins; highest peak s3 (3 beats s1 at 2).
    expect(moments.map((m) => [m.stageId, m.sources])).toEqual([
      ["s1", ["flagged"]],
      ["s2", ["largest_drop"]],
      ["s3", ["highest_peak"]],
    ]);
    expect(moments[1]?.reasons[0]).toContain("falls 3 levels");
  });
  it("picks the largest drop over smaller ones", () => {
    const moments = findMomentsOfTruth(curveMap([0, -2, 1, -3, -3]), { maxDetected: 1 });
    expect(moments.filter((m) => m.sources.includes("largest_drop")).map((m) => m.stageId)).toEqual(["s4"]);
  });
  it("is empty for a map without flags or curves", () => {
    expect(findMomentsOfTruth(buildMap())).toEqual([]);
  });
  it("uses flags set through commands", () => {
    const map = buildMap([{ type: "updateStage", id: "s3", momentOfTruth: true }]);
    expect(findMomentsOfTruth(map)).toEqual([
      {
        stageId: "s3",
        stageName: "Buy",
        sources: ["flagged"],
        reasons: [expect.stringContaining("Flagged")],
      },
    ]);
  });
});
