import { describe, expect, it } from "vitest";
import { findQuickWins, prioritizePainPoints } from "./priority.ts";
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
