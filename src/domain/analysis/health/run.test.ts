import { describe, expect, it } from "vitest";
import { buildMap } from "../test-maps.ts";
import { DEFAULT_HEALTH_CONFIG, HealthConfigSchema, RULE_IDS } from "./config.ts";
import { CTX, healthyMap } from "./healthy-map.ts";
import { HEALTH_RULES, healthScore, runHealthCheck } from "./run.ts";
import type { HealthFinding } from "./types.ts";

const blank = () => buildMap([], { stages: [] });
const paths = (input: unknown) =>
  HealthConfigSchema.safeParse(input).error?.issues.map((i) => i.path.join(".")) ?? [];

describe("runHealthCheck", () => {
  it("registers exactly the rule ids of the spec, in order", () => {
    expect(HEALTH_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });
  it("finds the basics on a blank map", () => {
    const report = runHealthCheck(blank(), {}, CTX);
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining(["persona-missing", "stage-count", "emotion-missing", "goal-missing"]),
    );
    expect(report.findings.every((f) => f.location.mapId === "map-1" && f.hint.length > 0)).toBe(true);
    expect(report.score).toBe(100 - 3 * 15 - 3 * 6 - 2);
    expect(report.counts.error).toBe(3);
  });
  it("gives a healthy map 100 and no findings", () => {
    expect(runHealthCheck(healthyMap(), {}, CTX)).toEqual({
      score: 100,
      findings: [],
      counts: { error: 0, warning: 0, info: 0 },
    });
  });
  it("applies per-rule overrides and thresholds", () => {
    const report = runHealthCheck(
      blank(),
      { rules: { "persona-missing": "off", "goal-missing": "info" }, stageMin: 0 },
      CTX,
    );
    expect(report.findings.some((f) => f.rule === "persona-missing")).toBe(false);
    expect(report.findings.find((f) => f.rule === "goal-missing")?.severity).toBe("info");
    expect(report.findings.some((f) => f.rule === "stage-count")).toBe(false);
  });
});

describe("healthScore", () => {
  const f = (rule: string, severity: HealthFinding["severity"]) => ({ rule, severity }) as HealthFinding;
  it("subtracts the worst finding per rule, half for each further one, capped at double", () => {
    expect(healthScore([])).toBe(100);
    expect(healthScore([f("a", "error")])).toBe(85);
    expect(healthScore([f("a", "warning"), f("a", "warning")])).toBe(91);
    expect(healthScore(Array.from({ length: 40 }, () => f("a", "info")))).toBe(96);
    expect(healthScore([f("a", "error"), f("b", "warning"), f("c", "info")])).toBe(77);
  });
  it("never goes below 0", () => {
    expect(healthScore(RULE_IDS.flatMap((r) => [f(r, "error"), f(r, "error")]))).toBe(0);
  });
});

describe("HealthConfigSchema", () => {
  it("fills the defaults of PRODUCT.md", () => {
    expect(DEFAULT_HEALTH_CONFIG).toEqual({
      stageMin: 5,
      stageMax: 10,
      reviewCadenceMonths: 6,
      researchMaxAgeMonths: 12,
      personaMax: 3,
      rules: {},
    });
    expect(
      HealthConfigSchema.parse({ $schema: "./waylinerc.schema.json", rules: { "kpi-missing": "off" } }).rules,
    ).toEqual({
      "kpi-missing": "off",
    });
  });
  it("rejects unknown keys, unknown rules, bad settings and bad numbers", () => {
    expect(HealthConfigSchema.safeParse({ stagemin: 5 }).success).toBe(false);
    expect(HealthConfigSchema.safeParse({ rules: { "no-such-rule": "off" } }).success).toBe(false);
    expect(paths({ rules: { "kpi-missing": "fatal" } })).toEqual(["rules.kpi-missing"]);
    expect(paths({ stageMin: 2.5 })).toEqual(["stageMin"]);
    expect(paths({ personaMax: 0 })).toEqual(["personaMax"]);
    expect(paths({ reviewCadenceMonths: "6" })).toEqual(["reviewCadenceMonths"]);
    expect(paths({ stageMin: 8, stageMax: 6 })).toEqual(["stageMax"]);
  });
});
