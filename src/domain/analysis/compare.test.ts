import { describe, expect, it } from "vitest";
import { compareMaps, hasDifferences, rescale } from "./compare.ts";
import { movedPositions } from "./compare-stages.ts";
import { buildMap, card, scale } from "./test-maps.ts";

const lanes = ["touchpoints", "pain_points", "ideas"];
const base = [
  { type: "attachPersona", personaId: "p1" },
  card("t1", "touchpoints", "s1", { text: "Google search" }),
  card("t2", "touchpoints", "s2", { text: "Reviews site" }),
  card("t4", "touchpoints", "s4", { text: "Mobile app" }),
  card("pain1", "pain_points", "s3", { text: "Hidden fees", fields: { impact: "abandon", reach: 0.5 } }),
  card("pain5", "pain_points", "s5", { text: "Long hold times" }),
  ...[0, -2, -1, 1, -3].map((value, i) => ({
    type: "setEmotion",
    personaId: "p1",
    stageId: `s${i + 1}`,
    value,
  })),
];
const current = () => buildMap(base, { lanes });
const edits = [
  { type: "renameStage", id: "s2", name: "Compare offers" },
  { type: "updateStage", id: "s3", momentOfTruth: true },
  { type: "deleteStage", id: "s5" },
  { type: "deleteStage", id: "s4" },
  { type: "addStage", id: "s4-new", name: "  USE " },
  { type: "addStage", id: "s6", name: "Onboarding", index: 3 },
  card("t4-copy", "touchpoints", "s4-new", { text: "mobile  APP" }),
  { type: "updateCard", id: "t1", text: "Google search ad" },
  { type: "updateCard", id: "pain1", fields: { reach: 0.2 } },
  { type: "moveCard", id: "t2", stageId: "s1" },
  card("idea1", "ideas", "s3", { text: "Show all fees upfront", fields: { painPointIds: ["pain1"] } }),
  { type: "setEmotion", personaId: "p1", stageId: "s2", value: 1 },
  { type: "setEmotion", personaId: "p1", stageId: "s4-new", value: 2 },
];
const future = () => buildMap([...base, ...edits], { lanes, kind: "future_state", id: "map-2" });

describe("compareMaps: stages", () => {
  it("matches by id, then by case-insensitive name, and reports added, removed and changed", () => {
    const { stages } = compareMaps(current(), future());
    expect(stages.added.map((s) => s.name)).toEqual(["Onboarding"]);
    expect(stages.removed.map((s) => s.name)).toEqual(["Support"]);
    expect(stages.matched.map((p) => [p.current.id, p.future.id, p.matchedBy, p.changes])).toEqual([
      ["s1", "s1", "id", []],
      ["s2", "s2", "id", ["name"]],
      ["s3", "s3", "id", ["momentOfTruth"]],
      ["s4", "s4-new", "name", ["name"]],
    ]);
  });
  it("reports only the stages that moved (the fewest that explain the new order)", () => {
    const moved = buildMap([...base, { type: "moveStage", id: "s1", toIndex: 2 }], { lanes });
    const changed = compareMaps(current(), moved).stages.matched.filter((p) =>
      p.changes.includes("position"),
    );
    expect(changed.map((p) => p.current.id)).toEqual(["s1"]);
  });
});

describe("movedPositions", () => {
  it("keeps a longest increasing run in place", () => {
    expect([...movedPositions([0, 1, 2])]).toEqual([]);
    expect([...movedPositions([1, 2, 0])]).toEqual([2]);
    expect([...movedPositions([2, 0, 1])]).toEqual([0]);
    expect([...movedPositions([])]).toEqual([]);
  });
});

describe("compareMaps: cards", () => {
  it("lists added, removed and changed cards per stage", () => {
    const diff = compareMaps(current(), future()).cards;
    const summary = diff.map((d) => ({
      stage: d.stageName,
      added: d.added.map((c) => c.id),
      removed: d.removed.map((c) => c.id),
      changed: d.changed.map((p) => [p.current.id, p.changes]),
    }));
    expect(summary).toEqual([
      {
        stage: "Aware",
        added: [],
        removed: [],
        changed: [
          ["t1", ["text"]],
          ["t2", ["stage"]],
        ],
      },
      { stage: "Buy", added: ["idea1"], removed: [], changed: [["pain1", ["fields"]]] },
      { stage: "Support", added: [], removed: ["pain5"], changed: [] },
    ]);
  });
  it("finds nothing between a map and itself", () => {
    const c = compareMaps(current(), current());
    expect(c.cards).toEqual([]);
    expect(hasDifferences(c)).toBe(false);
    expect(hasDifferences(compareMaps(current(), future()))).toBe(true);
  });
});

describe("compareMaps: emotion", () => {
  it("gives the change per stage and persona, including added and removed stages", () => {
    const rows = compareMaps(current(), future()).emotion.map((e) => [
      e.stageName,
      e.personaId,
      e.before,
      e.after,
      e.delta,
    ]);
    expect(rows).toEqual([
      ["Aware", "p1", 0, 0, 0],
      ["Compare offers", "p1", -2, 1, 3],
      ["Buy", "p1", -1, -1, 0],
      ["  USE ", "p1", 1, 2, 1],
      ["Support", "p1", -3, null, null],
    ]);
  });
  it("converts the future map onto the current map's scale when they differ", () => {
    const tenScale = buildMap(
      [
        ...base,
        { type: "setEmotionScale", scale: scale(1, 10), convertPoints: false },
        { type: "setEmotion", personaId: "p1", stageId: "s1", value: 10 },
        { type: "setEmotion", personaId: "p1", stageId: "s2", value: 4 },
      ],
      { lanes },
    );
    const c = compareMaps(current(), tenScale);
    expect(c.scale).toEqual({ min: -3, max: 3 });
    expect(c.emotion.slice(0, 2).map((e) => [e.before, e.after, e.delta])).toEqual([
      [0, 3, 3],
      [-2, -1, 1],
    ]);
    expect(rescale(3, scale(1, 5), scale(-3, 3))).toBe(0);
  });
});
