import { z } from "zod";
import { text } from "../domain/model/text.ts";
import { AgendaActionSchema } from "../domain/workshop/agenda.ts";
import { WORKSHOP_LIMITS } from "../domain/workshop/limits.ts";
import { TimerActionSchema } from "../domain/workshop/timer.ts";
import { VoteSetupSchema } from "../domain/workshop/voting.ts";
import type { WorkshopState } from "../services/workshop/workshop-service.ts";

// Workshop mode, `/api/journeys/:id/workshop…` (docs/api.md "Workshop").
export type { SessionView, VoteView } from "../domain/workshop/session.ts";

/** Query of `GET …/workshop`: answer once the version differs from `since` (long polling, ≤ 30 s). */
export const WorkshopQuery = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  wait: z.coerce.number().int().min(0).max(30).default(0),
});

/** Body of `POST …/workshop/timer`. */
export const TimerBody = TimerActionSchema;
/** Body of `POST …/workshop/agenda`. */
export const AgendaBody = AgendaActionSchema;
/** Body of `POST …/workshop/voting`: opens a new dot vote. */
export const VotingBody = VoteSetupSchema;

/** Body of `POST …/workshop/follow`: the facilitator's presence client id, null releases everyone. */
export const FollowBody = z.strictObject({
  clientId: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32)
    .nullable(),
});

/** Body of `POST …/workshop/votes`: place (1) or remove (-1) one of my dots on a card. */
export const VoteBody = z.strictObject({
  cardId: text().min(1).max(64),
  delta: z.union([z.literal(1), z.literal(-1)]),
});

/** Body of `POST …/workshop/notes`: a sticky note for the parking lot. */
export const NoteBody = z.strictObject({
  /** Plain text, 1–500 characters. */
  text: text().trim().min(1).max(WORKSHOP_LIMITS.noteText),
  /** Stage (column) of the note; default the first stage. */
  stageId: text().min(1).max(64).optional(),
});

/** What the caller may do in the workshop (from the permission table). */
export interface WorkshopAbilities {
  /** Start and end the session, run the timer, agenda, follow and votes. */
  facilitate: boolean;
  /** Reveal a vote's totals. */
  reveal: boolean;
  /** Place dots. */
  vote: boolean;
  /** Add parking-lot notes. */
  note: boolean;
}

/** Answer of every workshop route: the session as the caller sees it, its version and what they may do. */
export interface WorkshopView extends WorkshopState {
  you: WorkshopAbilities & { name: string };
}

/** Answer of `POST …/workshop/notes`. */
export interface NoteView extends WorkshopView {
  /** The note card created in the parking lot. */
  cardId: string;
}
