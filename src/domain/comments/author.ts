import { z } from "zod";
import { text } from "../model/text.ts";

/**
 * Who wrote a comment: a workspace member, or a share-link guest who gave a name (share links
 * provide the guest's identity; a guest is known only by the name and the link they came through).
 */
export const CommentAuthorSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("member"),
    /** The member's user id (in local and token mode, the identity's name). */
    userId: text().min(1).max(200),
    /** Display name at the time of writing. */
    name: text().min(1).max(200),
  }),
  z.strictObject({
    kind: z.literal("guest"),
    /** The name the guest typed when opening the share link. */
    guestName: text().min(1).max(80),
    /** The share link they came through. */
    shareLinkId: text().min(1).max(200),
  }),
]);
/** Who wrote a comment. */
export type CommentAuthor = z.infer<typeof CommentAuthorSchema>;

/** One stable string per author (ownership checks: only the author edits or deletes a comment). */
export function authorKey(a: CommentAuthor): string {
  return a.kind === "member" ? `user:${a.userId}` : `guest:${a.shareLinkId}:${a.guestName}`;
}

/** The name shown for an author (guests are marked as such). */
export function authorName(a: CommentAuthor): string {
  return a.kind === "member" ? a.name : `${a.guestName} (guest)`;
}
