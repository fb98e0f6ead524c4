import { describe, expect, it } from "vitest";
import { bodyToDraft, draftToBody, mentionQuery } from "./mention-draft.ts";

describe("composer mentions", () => {
  it("turns picked @names into mention tokens, longest first, and back", () => {
    const picked = [
      { userId: "u1", name: "Ana" },
      { userId: "u2", name: "Ana Lee" },
    ];
    const body = draftToBody("@Ana Lee and @Ana, look", picked);
    expect(body).toBe("@[Ana Lee](u2) and @[Ana](u1), look");
    expect(bodyToDraft(body)).toEqual({ text: "@Ana Lee and @Ana, look", picked: [picked[1], picked[0]] });
    expect(draftToBody("@Bob is not picked", picked)).toBe("@Bob is not picked");
  });

  it("finds the @query before the caret only at a word start", () => {
    expect(mentionQuery("hi @be", 6)).toEqual({ query: "be", start: 3 });
    expect(mentionQuery("@", 1)).toEqual({ query: "", start: 0 });
    expect(mentionQuery("mail a@b", 8)).toBeNull();
    expect(mentionQuery("hi @be x", 8)).toBeNull();
  });
});
