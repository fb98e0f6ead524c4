import { describe, expect, it } from "vitest";
import { wrapLines } from "./wrap-lines.ts";

describe("wrapLines", () => {
  it("keeps short text on one line", () => {
    expect(wrapLines("Curious after a tip", 38, 2)).toEqual(["Curious after a tip"]);
  });
  it("breaks at words and keeps every word when it fits in the lines", () => {
    const lines = wrapLines("Drives around twice before spotting the entrance", 20, 3);
    expect(lines).toEqual(["Drives around twice", "before spotting the", "entrance"]);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
  });
  it("ends the last line with an ellipsis when text is left over", () => {
    const lines = wrapLines("one two three four five six seven eight nine ten", 10, 2);
    expect(lines).toEqual(["one two", "three…"]);
  });
  it("cuts a word longer than a line", () => {
    expect(wrapLines("abcdefghijklmnop", 5, 2)).toEqual(["abcde", "fghi…"]);
  });
  it("returns no lines for empty text", () => {
    expect(wrapLines("   ", 10, 2)).toEqual([]);
  });
});
