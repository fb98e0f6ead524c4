import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeText, movePosition } from "./merge-text.ts";

describe("mergeText", () => {
  it("keeps both edits made at different places", () => {
    expect(mergeText("hello", "A: hello", "hello :B")).toBe("A: hello :B");
    expect(mergeText("one two three", "one 2 three", "one two 3")).toBe("one 2 3");
  });

  it("keeps both insertions at the same place and the union of deletions", () => {
    expect(mergeText("hello", "hello A", "hello B")).toBe("hello B A");
    expect(mergeText("abcdef", "af", "abXf")).toBe("aXf");
  });

  it("is the identity when only one side changed", () => {
    expect(mergeText("x", "y", "x")).toBe("y");
    expect(mergeText("x", "x", "z")).toBe("z");
  });

  it("always contains every character either side inserted (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (base, a, b) => {
        const mine = base + a;
        const theirs = b + base;
        const out = mergeText(base, mine, theirs);
        return out.startsWith(b) && out.endsWith(a) && out.includes(base);
      }),
    );
  });
});

describe("movePosition (the caret while a collaborator's text merges in)", () => {
  it("stays before the change, shifts after it, and lands after an insertion it was inside", () => {
    expect(movePosition("hello world", "hello big world", 2)).toBe(2);
    expect(movePosition("hello world", "hello big world", 8)).toBe(12);
    expect(movePosition("hello world", "Hi world", 3)).toBe(2);
    expect(movePosition("hello world", "hello world!", 11)).toBe(11);
    expect(movePosition("abc", "abc", 1)).toBe(1);
  });
});
