import { describe, expect, it } from "vitest";
import { WaylineError } from "../errors.ts";
import { newSession, viewOfSession } from "./session.ts";
import { castDot, openVote, revealVote, tally, type VoteRound, VoteSetupSchema } from "./voting.ts";

const now = new Date("2026-12-02T09:00:00.000Z");
const cards = new Set(["p1", "p2", "i1"]);

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof WaylineError ? e.code : "other";
  }
  return undefined;
}

describe("dot voting", () => {
  it("keeps each participant within their budget; stacking allows several dots on a card", () => {
    let v = openVote({ votesPerPerson: 3, stacking: true }, "v1", now);
    v = castDot(v, "ana", "p1", 1, cards);
    v = castDot(v, "ana", "p1", 1, cards);
    v = castDot(v, "ana", "i1", 1, cards);
    expect(() => castDot(v, "ana", "p2", 1, cards)).toThrow(/all your 3 dots/);
    v = castDot(v, "ana", "p1", -1, cards);
    v = castDot(v, "ben", "p1", 1, cards);
    expect(tally(v)).toEqual({ totals: { p1: 2, i1: 1 }, voters: 2 });
    expect(() => castDot(v, "ben", "p2", -1, cards)).toThrow(/no dot on this card/);
    v = castDot(v, "ben", "p1", -1, cards);
    expect(v.ballots.ben).toBeUndefined();
    expect(tally(v).voters).toBe(1);
  });

  it("without stacking, one dot per card", () => {
    const v = castDot(openVote({ votesPerPerson: 3, stacking: false }, "v1", now), "ana", "p1", 1, cards);
    expect(() => castDot(v, "ana", "p1", 1, cards)).toThrow(/one dot per card/);
  });

  it("refuses cards that are not pain points or ideas, and dots after the reveal", () => {
    const v = openVote({ votesPerPerson: 2, stacking: true }, "v1", now);
    expect(code(() => castDot(v, "ana", "note-1", 1, cards))).toBe("invalid_request");
    const shown = revealVote(castDot(v, "ana", "p1", 1, cards), now);
    expect(code(() => castDot(shown, "ana", "p2", 1, cards))).toBe("conflict");
    expect(code(() => revealVote(shown, now))).toBe("conflict");
    expect(VoteSetupSchema.safeParse({ votesPerPerson: 0 }).success).toBe(false);
    expect(VoteSetupSchema.safeParse({ votesPerPerson: 21 }).success).toBe(false);
  });

  it("a participant sees their own dots and the number of voters, the totals only after the reveal", () => {
    let v: VoteRound = openVote({ votesPerPerson: 2, stacking: true }, "v1", now);
    v = castDot(castDot(v, "ana", "p1", 1, cards), "ben", "p2", 1, cards);
    const s = { ...newSession("w1", "Ana", now), vote: v };
    const ben = viewOfSession(s, "ben", now).vote;
    expect(ben).toMatchObject({ mine: { p2: 1 }, myRemaining: 1, voters: 2, totals: null });
    expect(JSON.stringify(viewOfSession(s, "ben", now))).not.toContain("ana");
    const after = viewOfSession({ ...s, vote: revealVote(v, now) }, "ben", now).vote;
    expect(after?.totals).toEqual({ p1: 1, p2: 1 });
  });

  it("cards deleted since do not count", () => {
    const v = castDot(openVote({ votesPerPerson: 2, stacking: true }, "v1", now), "ana", "p1", 1, cards);
    expect(tally(v, new Set(["p2"]))).toEqual({ totals: {}, voters: 0 });
  });
});
