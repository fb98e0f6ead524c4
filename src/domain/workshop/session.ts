import { z } from "zod";
import { text } from "../model/text.ts";
import { AgendaSchema } from "./agenda.ts";
import { newTimer, remainingMs, TimerSchema } from "./timer.ts";
import { dotsOf, tally, type VoteRound, VoteRoundSchema } from "./voting.ts";

/** "Everyone follow me": whose view the participants follow (their presence client id). */
export const FollowRequestSchema = z.strictObject({
  /** The facilitator's awareness client id on the live map. */
  clientId: z.number().int().min(0),
  /** Their display name. */
  name: text().min(1).max(60),
  /** Increases with each request, so a participant who left is pulled back only by a new one. */
  seq: z.number().int().min(1),
});
/** "Everyone follow me". */
export type FollowRequest = z.infer<typeof FollowRequestSchema>;

/**
 * A workshop session on one map, as the server keeps it (ballots included). Clients get
 * `viewOfSession`, which hides everybody's ballots but their own until the vote is revealed.
 */
export const WorkshopSessionSchema = z.strictObject({
  /** Stable id of the session. */
  id: text().min(1).max(40),
  /** When it started (ISO). */
  startedAt: z.iso.datetime(),
  /** The facilitator who started it. */
  startedBy: text().max(120),
  /** The shared timer. */
  timer: TimerSchema,
  /** Steps and the current one. */
  agenda: AgendaSchema,
  /** The latest "Everyone follow me", null when the facilitator released the group. */
  follow: FollowRequestSchema.nullable(),
  /** Lane the parking-lot notes go to (created with the first note), null before. */
  parkingLotLaneId: text().max(64).nullable(),
  /** The current (or last) dot vote, null before the first. */
  vote: VoteRoundSchema.nullable(),
  /** Follow requests made so far (the next `seq`). */
  followSeq: z.number().int().min(0),
});
/** A workshop session as the server keeps it. */
export type WorkshopSession = z.infer<typeof WorkshopSessionSchema>;

/** A new session started by `by` at `now`: a stopped 10-minute timer, an empty agenda. */
export function newSession(id: string, by: string, now: Date): WorkshopSession {
  return {
    id,
    startedAt: now.toISOString(),
    startedBy: by,
    timer: newTimer(),
    agenda: { steps: [], currentStepId: null },
    follow: null,
    parkingLotLaneId: null,
    vote: null,
    followSeq: 0,
  };
}

/** A vote as one participant sees it: their dots, and the totals only once revealed. */
export interface VoteView {
  id: string;
  status: VoteRound["status"];
  votesPerPerson: number;
  stacking: boolean;
  /** People who placed at least one dot (known before the reveal; the counts per card are not). */
  voters: number;
  /** My dots: card id → count. */
  mine: Record<string, number>;
  /** Dots I may still place. */
  myRemaining: number;
  /** card id → dots, null until revealed. */
  totals: Record<string, number> | null;
}

/** A session as one participant sees it. */
export interface SessionView extends Omit<WorkshopSession, "vote"> {
  /** Milliseconds left on the timer at `serverNow`. */
  remainingMs: number;
  /** The server's clock when the view was made (clients correct their own clock with it). */
  serverNow: string;
  vote: VoteView | null;
}

/** What `voter` may see of the session at `now` (`candidates` = the map's pain points and ideas). */
export function viewOfSession(
  s: WorkshopSession,
  voter: string,
  now: Date,
  candidates?: ReadonlySet<string>,
): SessionView {
  const { vote, ...rest } = s;
  return {
    ...rest,
    remainingMs: remainingMs(s.timer, now),
    serverNow: now.toISOString(),
    vote: vote ? voteView(vote, voter, candidates) : null,
  };
}

function voteView(v: VoteRound, voter: string, candidates?: ReadonlySet<string>): VoteView {
  const mine = { ...(v.ballots[voter] ?? {}) };
  const t = tally(v, candidates);
  return {
    id: v.id,
    status: v.status,
    votesPerPerson: v.votesPerPerson,
    stacking: v.stacking,
    voters: t.voters,
    mine,
    myRemaining: Math.max(0, v.votesPerPerson - dotsOf(mine)),
    totals: v.status === "revealed" ? t.totals : null,
  };
}
