import { describe, expect, it } from "vitest";
import { detectPatterns, type PatternType } from "./patterns.ts";
import { buildMap, curveMap, scale } from "./test-maps.ts";

const types = (values: number[], s?: ReturnType<typeof scale>, t = {}) =>
  detectPatterns(curveMap(values, s), t).map((f) => [f.type, f.stageIds.join(",")]);
const ofType = (values: number[], type: PatternType, s?: ReturnType<typeof scale>) =>
  detectPatterns(curveMap(values, s)).filter((f) => f.type === type);

describe("rapid drop", () => {
  it("needs a fall of 2 levels on −3…+3", () => {
    expect(ofType([1, 0, 1, 2, 1], "rapid_drop")).toEqual([]);
    const [drop] = ofType([2, 0, 0, 1, 1], "rapid_drop");
    expect(drop).toMatchObject({ stageIds: ["s1", "s2"], magnitude: 2, severity: "warning" });
    expect(drop?.explanation).toContain("“Stage 1” to “Stage 2”");
  });
  it("is an error at twice the threshold", () => {
    expect(ofType([3, -1, -1, 0, 0], "rapid_drop")[0]?.severity).toBe("error");
  });
  it("scales the threshold: 2 of 7 levels is 1.33 on 1–5 (so 2) and 3 on 1–10", () => {
    expect(ofType([4, 3, 3, 3, 3], "rapid_drop", scale(1, 5))).toEqual([]);
    expect(ofType([4, 2, 2, 3, 3], "rapid_drop", scale(1, 5))).toHaveLength(1);
    expect(ofType([8, 6, 6, 6, 6], "rapid_drop", scale(1, 10))).toEqual([]);
    expect(ofType([8, 5, 5, 6, 6], "rapid_drop", scale(1, 10))[0]?.stageIds).toEqual(["s1", "s2"]);
  });
  it("honours a configured threshold", () => {
    expect(detectPatterns(curveMap([2, 1, 1, 1, 1]), { rapidDropLevels: 1 }).map((f) => f.type)).toContain(
      "rapid_drop",
    );
  });
});

describe("trough and peak", () => {
  it("finds a local minimum below neutral and a maximum above it", () => {
    expect(types([0, -2, 0, 2, 1])).toEqual(
      expect.arrayContaining([
        ["trough", "s2"],
        ["peak", "s4"],
      ]),
    );
  });
  it("ignores extrema on the wrong side of neutral and flat curves", () => {
    expect(ofType([3, 1, 3, 2, 3], "trough")).toEqual([]);
    expect(ofType([-2, -1, -2, -1, -2], "peak")).toEqual([]);
    expect(detectPatterns(curveMap([1, 1, 1, 1, 1]))).toEqual([]);
  });
  it("reports a flat bottom once with all its stages, and the curve's ends", () => {
    expect(ofType([0, -1, -1, 0, 0], "trough").map((f) => f.stageIds)).toEqual([["s2", "s3"]]);
    expect(ofType([1, 0, -1], "trough").map((f) => f.stageIds)).toEqual([["s3"]]);
  });
  it("uses the scale's neutral: 3 on 1–5, 5.5 on 1–10", () => {
    expect(ofType([3, 2, 3, 4, 3], "trough", scale(1, 5)).map((f) => f.stageIds)).toEqual([["s2"]]);
    expect(ofType([3, 4, 3, 2, 3], "peak", scale(1, 5)).map((f) => f.stageIds)).toEqual([["s2"]]);
    expect(ofType([7, 5, 7, 7, 7], "trough", scale(1, 10)).map((f) => f.stageIds)).toEqual([["s2"]]);
    expect(ofType([4, 6, 4, 4, 4], "peak", scale(1, 10)).map((f) => f.stageIds)).toEqual([["s2"]]);
  });
  it("rates a trough at the bottom of the scale a warning", () => {
    expect(ofType([0, -3, 0], "trough")[0]?.severity).toBe("warning");
    expect(ofType([0, -2, 0], "trough")[0]?.severity).toBe("info");
  });
});

describe("sawtooth (≥ 3 direction changes within 4 consecutive moves = 5 points)", () => {
  it("finds up-down-up-down", () => {
    const [f] = ofType([0, 1, 0, 1, 0], "sawtooth");
    expect(f).toMatchObject({ stageIds: ["s1", "s2", "s3", "s4", "s5"], magnitude: 3 });
  });
  it("does not fire on 4 points (only 2 changes possible) or with a flat move", () => {
    expect(ofType([0, 1, 0, 1], "sawtooth")).toEqual([]);
    expect(ofType([0, 1, 0, 0, 1], "sawtooth")).toEqual([]);
    expect(ofType([0, 1, 2, 1, 2], "sawtooth")).toEqual([]);
  });
  it("merges overlapping windows into one finding", () => {
    const fs = ofType([0, 2, 0, 2, 0, 2, 0], "sawtooth");
    expect(fs).toHaveLength(1);
    expect(fs[0]?.stageIds).toHaveLength(7);
  });
  it("works on 1–5 and 1–10 scales", () => {
    expect(ofType([3, 4, 3, 4, 3], "sawtooth", scale(1, 5))).toHaveLength(1);
    expect(ofType([2, 9, 3, 8, 4], "sawtooth", scale(1, 10))).toHaveLength(1);
  });
});

describe("sustained low", () => {
  it("needs 2 consecutive points below neutral", () => {
    expect(ofType([0, -1, 0, -1, 0], "sustained_low")).toEqual([]);
    expect(ofType([0, -1, -2, 0, 0], "sustained_low")[0]).toMatchObject({
      stageIds: ["s2", "s3"],
      severity: "warning",
      magnitude: 2,
    });
  });
  it("is an error for 4+ points and uses the scale's neutral", () => {
    expect(ofType([-1, -1, -1, -1, 0], "sustained_low")[0]?.severity).toBe("error");
    expect(ofType([3, 3, 3, 3, 3], "sustained_low", scale(1, 5))).toEqual([]);
    expect(ofType([5, 5, 6, 6, 6], "sustained_low", scale(1, 10))[0]?.stageIds).toEqual(["s1", "s2"]);
  });
});

describe("curves", () => {
  it("are read per persona in stage order, steps inside their stage", () => {
    const map = buildMap(
      [
        { type: "attachPersona", personaId: "p1" },
        { type: "attachPersona", personaId: "p2" },
        { type: "addStep", stageId: "s2", id: "st-a", name: "A" },
        { type: "addStep", stageId: "s2", id: "st-b", name: "B" },
        { type: "moveStage", id: "s1", toIndex: 2 },
        { type: "setEmotion", personaId: "p1", stageId: "s1", value: -2 },
        { type: "setEmotion", personaId: "p1", stageId: "s2", stepId: "st-b", value: 0 },
        { type: "setEmotion", personaId: "p1", stageId: "s2", stepId: "st-a", value: 2 },
        { type: "setEmotion", personaId: "p2", stageId: "s1", value: 1 },
      ],
      { stages: ["One", "Two", "Three"] },
    );
    const fs = detectPatterns(map);
    // order is s2/A (2), s2/B (0), s1 (-2): two falls of 2 levels for p1, nothing for p2's single point.
    expect(fs.filter((f) => f.type === "rapid_drop").map((f) => [f.personaId, f.stageIds])).toEqual([
      ["p1", ["s2"]],
      ["p1", ["s2", "s1"]],
    ]);
    expect(fs.find((f) => f.type === "rapid_drop")?.explanation).toContain("“Two › A” to “Two › B”");
    expect(fs.every((f) => f.personaId === "p1")).toBe(true);
  });
});
