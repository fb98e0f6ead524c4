import { describe, expect, it } from "vitest";
import type { ActivityRule } from "../../domain/index.ts";
import { activitiesOf, patternError, previewRules } from "./rule-preview.ts";

const rule = (id: string, match: ActivityRule["match"], pattern: string, ignoreCase = false): ActivityRule =>
  ({ id, match, pattern, ignoreCase, stageId: "s1", touchpointId: null, order: "a0" }) as ActivityRule;

const ACTIVITIES = [
  "check ticket",
  "decide",
  "examine casually",
  "examine thoroughly",
  "pay compensation",
  "register request",
  "reinitiate request",
  "reject request",
];

describe("mapping-rule preview", () => {
  it("gives each activity to the first matching rule and lists the rest as unmapped", () => {
    const p = previewRules(
      [
        rule("r1", "wildcard", "examine *"),
        rule("r2", "regex", "^(pay|reject)"),
        rule("r3", "exact", "decide"),
      ],
      ACTIVITIES,
    );
    expect(p.rules.map((r) => r.activities)).toEqual([
      ["examine casually", "examine thoroughly"],
      ["pay compensation", "reject request"],
      ["decide"],
    ]);
    expect(p.unmapped).toEqual(["check ticket", "register request", "reinitiate request"]);
  });

  it("reports activities an earlier rule already took as shadowed", () => {
    const p = previewRules(
      [rule("a", "wildcard", "*request"), rule("b", "exact", "reject request")],
      ACTIVITIES,
    );
    expect(p.rules[0]?.activities).toEqual(["register request", "reinitiate request", "reject request"]);
    expect(p.rules[1]?.activities).toEqual([]);
    expect(p.rules[1]?.shadowed).toEqual(["reject request"]);
  });

  it("honours ignore-case", () => {
    expect(previewRules([rule("a", "exact", "DECIDE")], ACTIVITIES).rules[0]?.activities).toEqual([]);
    expect(previewRules([rule("a", "exact", "DECIDE", true)], ACTIVITIES).rules[0]?.activities).toEqual([
      "decide",
    ]);
  });

  it("flags an invalid regex instead of throwing, and keeps previewing the other rules", () => {
    const p = previewRules([rule("bad", "regex", "(unclosed"), rule("ok", "exact", "decide")], ACTIVITIES);
    expect(p.rules[0]?.error).toMatch(/not a valid regular expression/);
    expect(p.rules[1]?.activities).toEqual(["decide"]);
    expect(p.unmapped).toHaveLength(ACTIVITIES.length - 1);
    expect(patternError("exact", "")).toBe("enter a pattern");
    expect(patternError("wildcard", "(")).toBeNull();
  });

  it("collects activity names from the graph and the start/end lists", () => {
    expect(
      activitiesOf([{ from: "b", to: "c" }], [{ activity: "a" }], [{ activity: "c" }, { activity: "z" }]),
    ).toEqual(["a", "b", "c", "z"]);
  });
});
