import { describe, expect, it } from "vitest";
import { findQuickWins, ideaPriority, prioritizePainPoints, priorityScore } from "./priority.ts";
import { buildMap, card } from "./test-maps.ts";

const pain = (id: string, stage: string, impact: string | null, reach: number | null, extra = {}) =>
  card(id, "pain_points", stage, { text: id, fields: { impact, reach, ...extra } });
const lanes = { lanes: ["pain_points", "ideas"] };
const ranked = (cmds: unknown[]) => prioritizePainPoints(buildMap(cmds, lanes)).map((p) => p.card.id);

describe("pain-point priority", () => {
  it("ranks by impact weight × reach", () => {
    const cmds = [
      pain("a", "s1", "trivial", 0.9),
      pain("b", "s2", "abandon", 0.5),
      pain("c", "s3", "workaround", 0.5),
    ];
    const list = prioritizePainPoints(buildMap(cmds, lanes));
    expect(list.map((p) => [p.card.id, p.score, p.rank])).toEqual([
      ["b", 1.5, 1],
      ["c", 1, 2],
      ["a", 0.9, 3],
    ]);
    expect(list[0]?.stageName).toBe("Research");
  });
  it("breaks ties by the lower emotion at the stage, stages without emotion last", () => {
    const cmds = [
      pain("no-emotion", "s1", "workaround", 0.3),
      pain("calm", "s2", "abandon", 0.2), // 3 × 0.2 is 0.6000000000000001 in floats: must still tie
      pain("angry", "s3", "workaround", 0.3),
      { type: "setEmotion", stageId: "s2", value: 1 },
      { type: "setEmotion", stageId: "s3", value: -2 },
    ];
    expect(ranked(cmds)).toEqual(["angry", "calm", "no-emotion"]);
  });
  it("ranks pain points with unknown impact or reach after known ones, by what is known", () => {
    const cmds = [
      pain("nothing", "s1", null, null),
      pain("reach-only", "s1", null, 0.9),
      pain("abandon-only", "s1", "abandon", null),
      pain("tiny", "s2", "trivial", 0.01),
    ];
    expect(ranked(cmds)).toEqual(["tiny", "abandon-only", "reach-only", "nothing"]);
  });
  it("keeps stage order on full ties and skips resolved pain points unless asked", () => {
    const cmds = [
      pain("later", "s4", "abandon", 1),
      pain("earlier", "s2", "abandon", 1),
      pain("done", "s1", "abandon", 1, { status: "done" }),
    ];
    expect(ranked(cmds)).toEqual(["earlier", "later"]);
    const all = prioritizePainPoints(buildMap(cmds, lanes), { includeResolved: true }).map((p) => p.card.id);
    expect(all).toEqual(["done", "earlier", "later"]);
  });
});

describe("quick wins", () => {
  it("are high-priority pain points with a linked low-effort or quick-win idea", () => {
    const map = buildMap(
      [
        pain("big", "s1", "abandon", 0.6),
        pain("big2", "s2", "abandon", 0.8),
        pain("small", "s3", "trivial", 0.2),
        card("i-low", "ideas", "s1", { fields: { painPointIds: ["big", "small"], effort: "low" } }),
        card("i-flag", "ideas", "s2", { fields: { painPointIds: ["big"], effort: "high", quickWin: true } }),
        card("i-hard", "ideas", "s2", { fields: { painPointIds: ["big2"], effort: "high" } }),
      ],
      lanes,
    );
    const wins = findQuickWins(map);
    expect(wins.map((w) => [w.pain.card.id, w.ideas.map((i) => i.id)])).toEqual([
      ["big", ["i-low", "i-flag"]],
    ]);
    expect(findQuickWins(map, { minScore: 0.1 }).map((w) => w.pain.card.id)).toEqual(["big", "small"]);
  });
});

describe("RICE priority", () => {
  const rice = (cmds: unknown[]) => prioritizePainPoints(buildMap(cmds, lanes), { model: "rice" });
  it("scores reach × impact × confidence ÷ effort, confidence from the evidence level when not set", () => {
    const list = rice([
      pain("big-slow", "s1", "abandon", 1, { effortWeeks: 10, confidencePct: 100 }), // 0.3
      pain("small-fast", "s2", "workaround", 0.5, { effortWeeks: 1 }), // assumed: 0.5 → 0.5
      { ...pain("validated", "s3", "trivial", 0.8, { effortWeeks: 2 }), confidence: "validated" }, // 0.4
      pain("unestimated", "s1", "abandon", 1),
    ]);
    expect(list.map((p) => [p.card.id, p.score, p.confidence, p.model])).toEqual([
      ["small-fast", 0.5, 0.5, "rice"],
      ["validated", 0.4, 1, "rice"],
      ["big-slow", 0.3, 1, "rice"],
      ["unestimated", null, 0.5, "rice"],
    ]);
  });
  it("impact × reach ignores confidence and effort", () => {
    const p = { impactWeight: 3, reach: 0.5, confidence: 0.5, effortWeeks: 4 };
    expect(priorityScore(p, "impact_reach")).toBe(1.5);
    expect(priorityScore(p, "rice")).toBe(0.1875);
    expect(priorityScore({ ...p, reach: null }, "rice")).toBeNull();
  });
  it("an idea takes its best pain point's impact × reach with its own confidence and effort", () => {
    const m = buildMap(
      [
        pain("a", "s1", "abandon", 0.5),
        pain("b", "s2", "workaround", 0.5),
        card("i", "ideas", "s1", { fields: { painPointIds: ["a", "b"], effortWeeks: 3, confidencePct: 80 } }),
      ],
      lanes,
    );
    const pains = prioritizePainPoints(m, { model: "rice" });
    const idea = m.cards.find((c) => c.id === "i");
    if (!idea) throw new Error("no idea");
    expect(ideaPriority(idea, pains, "rice")).toBe(0.4); // 3 × 0.5 × 0.8 ÷ 3
    expect(ideaPriority(idea, pains, "impact_reach")).toBe(1.5);
    expect(ideaPriority(idea, [], "rice")).toBeNull();
  });
});
