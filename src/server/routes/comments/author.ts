import type { Context } from "hono";
import type { CommentAuthor } from "../../../domain/comments/index.ts";
import type { AppEnv } from "../../context.ts";

/**
 * Who a request speaks for, as a comment author and inbox recipient. A member is known by their
 * user id and shown by their member name; local and token mode, which have no accounts, use the
 * identity's name. Share-link guests ({kind:"guest"}) plug in here once share links set them.
 */
export async function commentAuthorOf(c: Context<AppEnv>): Promise<CommentAuthor & { kind: "member" }> {
  const who = c.var.identity;
  if (!who.userId) return { kind: "member", userId: who.name, name: who.name };
  const members = await c.var.services.comments.members(c.var.workspaceId);
  const me = members.find((m) => m.userId === who.userId);
  return { kind: "member", userId: who.userId, name: me?.name || who.name };
}

/** The inbox a request reads: the member's user id (the identity's name without accounts). */
export function recipientOf(c: Context<AppEnv>): string {
  return c.var.identity.userId ?? c.var.identity.name;
}
