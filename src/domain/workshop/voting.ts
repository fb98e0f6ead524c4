import { z } from "zod";
import { WaylineError } from "../errors.ts";
import type { Card } from "../model/card.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { recordKey, text } from "../model/text.ts";
import { WORKSHOP_LIMITS } from "./limits.ts";

/** How the facilitator sets up a dot vote. */
export const VoteSetupSchema = z.strictObject({
  /** Dots each participant may place (1–20). */
  votesPerPerson: z.number().int().min(1).max(WORKSHOP_LIMITS.votesPerPerson),
  /** True: several of one's dots may go on the same card; false: at most one per card. */
  stacking: z.boolean().default(true),
});
/** How the facilitator sets up a dot vote. */
export type VoteSetup = z.infer<typeof VoteSetupSchema>;

/** One participant's dots: card id → dots placed there (> 0). */
const BallotSchema = z.record(recordKey(), z.number().int().min(1).max(WORKSHOP_LIMITS.votesPerPerson));

/** A dot vote: its setup, the secret ballots, and whether the totals are revealed. */
export const VoteRoundSchema = z.strictObject({
  /** Stable id (names the evidence entries it leaves). */
  id: text().min(1).max(40),
  ...VoteSetupSchema.shape,
  /** open: participants place dots, counts hidden; revealed: totals shown, ballots frozen. */
  status: z.enum(["open", "revealed"]),
  /** participant key → ballot; never sent to clients but one's own. */
  ballots: z.record(recordKey(), BallotSchema),
  /** When voting opened (ISO). */
  openedAt: z.iso.datetime(),
  /** When the facilitator revealed the totals (ISO), null while open. */
  revealedAt: z.iso.datetime().nullable(),
});
/** A dot vote. */
export type VoteRound = z.infer<typeof VoteRoundSchema>;

/** The totals of a vote: dots per card and how many people placed at least one dot. */
export interface Tally {
  /** card id → dots (cards without dots absent). */
  totals: Record<string, number>;
  /** Participants with at least one dot. */
  voters: number;
}

/** Cards one may vote on: pain points and ideas. */
export function votableCards(map: JourneyMap): Card[] {
  return map.cards.filter((c) => c.fields.kind === "pain" || c.fields.kind === "idea");
}

/** A new open vote. */
export function openVote(setup: VoteSetup, id: string, now: Date): VoteRound {
  return { id, ...setup, status: "open", ballots: {}, openedAt: now.toISOString(), revealedAt: null };
}

/** Dots a ballot holds. */
export function dotsOf(ballot: Readonly<Record<string, number>> | undefined): number {
  return Object.values(ballot ?? {}).reduce((a, b) => a + b, 0);
}

const refuse = (message: string, field: string) => new WaylineError("invalid_request", message, { field });

/**
 * The vote after `voter` placed (`delta` 1) or removed (`delta` -1) one dot on `cardId`. Refused
 * when the vote is revealed, the card is not a pain point or idea of the map, the budget is
 * spent, stacking is off and the card already has the voter's dot, or no dot is there to remove.
 */
export function castDot(
  round: VoteRound,
  voter: string,
  cardId: string,
  delta: 1 | -1,
  candidates: ReadonlySet<string>,
): VoteRound {
  if (round.status !== "open") throw new WaylineError("conflict", "the vote is revealed; no more dots");
  if (!candidates.has(cardId))
    throw refuse(`card "${cardId}" is not a pain point or idea of this map`, "cardId");
  const ballot = { ...(round.ballots[voter] ?? {}) };
  if (!(voter in round.ballots) && Object.keys(round.ballots).length >= WORKSHOP_LIMITS.voters)
    throw refuse(`a vote keeps at most ${WORKSHOP_LIMITS.voters} participants`, "voter");
  const here = ballot[cardId] ?? 0;
  if (delta === 1) {
    if (dotsOf(ballot) >= round.votesPerPerson)
      throw refuse(`all your ${round.votesPerPerson} dots are placed; remove one first`, "delta");
    if (!round.stacking && here >= 1) throw refuse("one dot per card in this vote", "delta");
    ballot[cardId] = here + 1;
  } else {
    if (here === 0) throw refuse("you have no dot on this card", "delta");
    if (here === 1) delete ballot[cardId];
    else ballot[cardId] = here - 1;
  }
  const ballots = { ...round.ballots, [voter]: ballot };
  if (Object.keys(ballot).length === 0) delete ballots[voter];
  return { ...round, ballots };
}

/** Totals of the vote's ballots (only cards still in `candidates` count). */
export function tally(round: VoteRound, candidates?: ReadonlySet<string>): Tally {
  const totals: Record<string, number> = {};
  let voters = 0;
  for (const ballot of Object.values(round.ballots)) {
    let placed = 0;
    for (const [cardId, n] of Object.entries(ballot)) {
      if (candidates && !candidates.has(cardId)) continue;
      totals[cardId] = (totals[cardId] ?? 0) + n;
      placed += n;
    }
    if (placed > 0) voters++;
  }
  return { totals, voters };
}

/** The vote with its totals revealed at `now` (ballots frozen). */
export function revealVote(round: VoteRound, now: Date): VoteRound {
  if (round.status === "revealed") throw new WaylineError("conflict", "the vote is already revealed");
  return { ...round, status: "revealed", revealedAt: now.toISOString() };
}
