import { describe, expect, it } from "vitest";
import type { JourneyMap } from "../../model/journey-map.ts";
import { buildMap } from "../test-maps.ts";
import { DEFAULT_HEALTH_CONFIG } from "./config.ts";
import { CTX, healthyMap } from "./healthy-map.ts";
import { emotionMissing, negativityMissing } from "./rules-emotion.ts";
import { goalMissing, kpiMissing } from "./rules-goal.ts";
import { personaMissing, personaTooMany } from "./rules-personas.ts";
import { stageCount, stageNoTouchpoints } from "./rules-stages.ts";
import type { HealthRule } from "./types.ts";

const run = (rule: HealthRule, map: JourneyMap, config = {}) =>
  rule.check(map, {
    ...CTX,
    config: { ...DEFAULT_HEALTH_CONFIG, ...config },
    severity: rule.defaultSeverity,
  });
const attach = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: "attachPersona", personaId: `px${i}` }));

describe("persona rules", () => {
  it("persona-missing fires without a persona only", () => {
    expect(run(personaMissing, buildMap())).toMatchObject([
      { severity: "error", location: { mapId: "map-1" } },
    ]);
    expect(run(personaMissing, healthyMap())).toEqual([]);
  });
  it("persona-too-many fires above personaMax", () => {
    expect(run(personaTooMany, healthyMap(attach(3)))[0]?.message).toContain("4 personas");
    expect(run(personaTooMany, healthyMap(attach(2)))).toEqual([]);
    expect(run(personaTooMany, healthyMap(attach(3)), { personaMax: 4 })).toEqual([]);
  });
});

describe("stage rules", () => {
  it("stage-count fires outside stageMin…stageMax", () => {
    expect(run(stageCount, buildMap([], { stages: ["a", "b"] }))[0]?.message).toContain("2 stages");
    expect(run(stageCount, buildMap([], { stages: "abcdefghijk".split("") }))).toHaveLength(1);
    expect(run(stageCount, healthyMap())).toEqual([]);
    expect(run(stageCount, buildMap([], { stages: ["a", "b"] }), { stageMin: 2 })).toEqual([]);
    expect(run(stageCount, buildMap([], { stages: [], kind: "empathy_map" }))).toEqual([]);
  });
  it("stage-no-touchpoints names each uncovered stage", () => {
    const map = healthyMap([
      { type: "deleteCard", id: "t2" },
      { type: "deleteCard", id: "t5" },
    ]);
    expect(run(stageNoTouchpoints, map).map((f) => f.location.stageId)).toEqual(["s2", "s5"]);
    expect(run(stageNoTouchpoints, healthyMap())).toEqual([]);
  });
  it("stage-no-touchpoints reports once for a map without any touchpoint", () => {
    const map = buildMap([], { lanes: ["touchpoints"] });
    expect(run(stageNoTouchpoints, map)).toMatchObject([{ location: { laneId: "l-touchpoints" } }]);
  });
});

describe("emotion rules", () => {
  it("emotion-missing fires without points, and per persona without a curve", () => {
    expect(run(emotionMissing, buildMap())[0]?.message).toBe("The map has no emotion data.");
    const twoPersonas = healthyMap([{ type: "attachPersona", personaId: "p2" }]);
    expect(run(emotionMissing, twoPersonas)[0]?.message).toContain("p2");
    expect(run(emotionMissing, healthyMap())).toEqual([]);
  });
  it("negativity-missing fires for only-positive curves and for maps without pain points", () => {
    const positive = healthyMap([
      { type: "setEmotion", personaId: "p1", stageId: "s3", value: 0 },
      { type: "setEmotion", personaId: "p1", stageId: "s4", value: 1 },
    ]);
    expect(run(negativityMissing, positive).map((f) => f.message)).toEqual([
      "Every emotion on the map is neutral or positive.",
    ]);
    const noPain = healthyMap([{ type: "deleteCard", id: "pain1" }]);
    expect(run(negativityMissing, noPain).map((f) => f.message)).toEqual(["The map has no pain points."]);
    expect(run(negativityMissing, healthyMap())).toEqual([]);
  });
});

describe("goal rules", () => {
  const goal = (statement: string, metric = "") => ({
    type: "setMapProperties",
    patch: { goal: { statement, metric } },
  });
  it("goal-missing fires for an empty or unmeasurable goal", () => {
    expect(run(goalMissing, buildMap())[0]?.message).toBe("The map has no goal statement.");
    expect(run(goalMissing, healthyMap([goal("Make customers happier")]))[0]?.message).toBe(
      "The goal is not measurable.",
    );
  });
  it("goal-missing accepts a metric, a number or a percent", () => {
    expect(run(goalMissing, healthyMap())).toEqual([]);
    expect(run(goalMissing, healthyMap([goal("Cut churn by 5 points")]))).toEqual([]);
    expect(run(goalMissing, healthyMap([goal("Raise NPS by ten %")]))).toEqual([]);
  });
  it("kpi-missing fires when there is no KPI card and no goal metric", () => {
    const noKpi = healthyMap([{ type: "deleteCard", id: "kpi1" }, goal("Cut churn by 5 points")]);
    expect(run(kpiMissing, noKpi)).toHaveLength(1);
    expect(run(kpiMissing, healthyMap([{ type: "deleteCard", id: "kpi1" }]))).toEqual([]);
    expect(run(kpiMissing, healthyMap([goal("Cut churn by 5 points")]))).toEqual([]);
  });
});
