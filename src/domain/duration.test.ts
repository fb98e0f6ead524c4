import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.ts";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850.4, "850 ms"],
    [1000, "1 s"],
    [59_999, "59 s"],
    [12 * 60_000, "12 min"],
    [12 * 60_000 + 5000, "12 min 5 s"],
    [3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, "3 d 4 h"],
    [86_400_000 + 5 * 60_000, "1 d 5 min"],
    [3_600_000 + 5000, "1 h 5 s"],
    [Number.POSITIVE_INFINITY, "–"],
    [Number.NaN, "–"],
  ])("formats %d ms as %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("parseDuration", () => {
  it.each([
    ["250ms", 250],
    ["30s", 30_000],
    ["30m", 1_800_000],
    ["12h", 43_200_000],
    ["14d", 1_209_600_000],
    ["2w", 1_209_600_000],
    [" 1d ", 86_400_000],
  ])("reads %j", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it("reads a bare number only when given a unit for it", () => {
    expect(parseDuration("5000")).toBeNull();
    expect(parseDuration("5000", "ms")).toBe(5000);
  });

  it.each(["", "soon", "1.5h", "-2d", "3 d", "2y", "h"])("rejects %j", (text) => {
    expect(parseDuration(text, "ms")).toBeNull();
  });
});
