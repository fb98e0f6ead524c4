import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globMatch } from "./glob.ts";
import { wildcardToRegex } from "./match.ts";
import { unsupportedRegexConstruct } from "./regex-engine.ts";

describe("globMatch", () => {
  it("matches like the anchored wildcard regex on small inputs (property, seeded)", () => {
    const alphabet = fc.constantFrom("a", "b", ".", "*", "?");
    const text = fc.string({ unit: fc.constantFrom("a", "b", "."), maxLength: 8 });
    const pattern = fc.string({ unit: alphabet, maxLength: 6 });
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(globMatch(p, t)).toBe(new RegExp(wildcardToRegex(p), "s").test(t));
      }),
      { seed: 15, numRuns: 3000 },
    );
  });

  it("handles anchors, ? as one character, case folding and astral characters", () => {
    expect(globMatch("examine *", "examine casually")).toBe(true);
    expect(globMatch("examine *", "re-examine casually")).toBe(false);
    expect(globMatch("a?c", "abc")).toBe(true);
    expect(globMatch("a?c", "ac")).toBe(false);
    expect(globMatch("PAY*", "pay now", true)).toBe(true);
    expect(globMatch("PAY*", "pay now")).toBe(false);
    expect(globMatch("?", "😀")).toBe(true);
    expect(globMatch("*", "")).toBe(true);
    expect(globMatch("a*a", "a")).toBe(false);
  });

  it("takes linear time on patterns that make a backtracking engine explode", () => {
    const hostile = "*a*a*a*a*a*a*a*a*b";
    const text = "a".repeat(20_000);
    const t0 = performance.now();
    expect(globMatch(hostile, text)).toBe(false);
    expect(globMatch(`${"*a".repeat(100)}*b`, text)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe("unsupportedRegexConstruct", () => {
  it("names backreferences and lookaround, which RE2 refuses", () => {
    expect(unsupportedRegexConstruct("(a)\\1")).toMatch(/backreferences/);
    expect(unsupportedRegexConstruct("(?<x>a)\\k<x>")).toMatch(/named backreferences/);
    expect(unsupportedRegexConstruct("a(?=b)")).toMatch(/lookahead/);
    expect(unsupportedRegexConstruct("(?<!a)b")).toMatch(/lookahead/);
    expect(unsupportedRegexConstruct("^(pay|reject) \\d+\\\\1$")).toBeNull();
    expect(unsupportedRegexConstruct("(?<name>a)(?:b)")).toBeNull();
  });
});
