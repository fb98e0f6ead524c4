import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration.ts";

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
