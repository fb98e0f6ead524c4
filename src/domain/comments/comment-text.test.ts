import { describe, expect, it } from "vitest";
import { mentionedIds, parseCommentText, plainPreview } from "./comment-text.ts";

describe("comment text", () => {
  it("splits text, mentions and http(s) links; trailing punctuation stays text", () => {
    expect(parseCommentText("Hi @[Ben Ode](u1), see https://x.test/a?b=1. Thanks")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", name: "Ben Ode", userId: "u1" },
      { kind: "text", text: ", see " },
      { kind: "link", url: "https://x.test/a?b=1" },
      { kind: "text", text: ". Thanks" },
    ]);
  });

  it("never makes links of other schemes and keeps markup as text", () => {
    const hostile = `<a href="javascript:alert(1)">x</a> javascript:alert(1) data:text/html,<b> <img src=x onerror=alert(1)>`;
    expect(parseCommentText(hostile)).toEqual([{ kind: "text", text: hostile }]);
    expect(parseCommentText("@[x](bad id) @[](u) @[a\nb](u)").every((s) => s.kind === "text")).toBe(true);
  });

  it("lists each mentioned id once and previews mentions by name", () => {
    expect(mentionedIds("@[A](u1) @[B](u2) @[A](u1)")).toEqual(["u1", "u2"]);
    expect(plainPreview("@[Ana](u1)\n\nplease   look")).toBe("@Ana please look");
    expect(plainPreview("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
