import { z } from "zod";
import { CommentAnchorSchema, CommentBodySchema } from "../domain/comments/index.ts";
import { text } from "../domain/model/text.ts";

// Comment threads on a map, `/api/journeys/:id/comments…` (docs/api.md "Comments").
export type { CommentsView, CommentView, ThreadView } from "../services/comments/comment-service.ts";

/** Body of `POST /api/journeys/:id/comments`: a new thread on an anchor with its first comment. */
export const StartThreadBody = z.strictObject({
  /** Where the thread is attached. */
  anchor: CommentAnchorSchema,
  /** The first comment: plain text with `@[Name](userId)` mentions. */
  body: CommentBodySchema,
});

/** Body of a reply (`POST …/comments/:threadId/replies`) and of an edit (`PATCH …/comments/:threadId/comments/:commentId`). */
export const CommentBody = z.strictObject({ body: CommentBodySchema });

/** Body of `PATCH /api/journeys/:id/comments/:threadId`: resolve or reopen. */
export const ThreadPatchBody = z.strictObject({ status: z.enum(["open", "resolved"]) });

/** Query of `GET /api/journeys/:id/comments/changes`: the cursor seen last and how long to wait (s). */
export const ChangesQuery = z.strictObject({
  since: text().max(100).default(""),
  wait: z.coerce.number().int().min(0).max(30).default(0),
});

/** Answer of `GET …/comments/changes`. */
export interface CommentChangesView {
  cursor: string;
  changed: boolean;
}

/** A member one may @mention or ask for a review (`GET /api/journeys/:id/mentionable`). */
export interface MentionableView {
  userId: string;
  name: string;
  email: string;
  role: string;
}
