import type { Context } from "hono";
import type { CommentAuthor } from "../../../domain/comments/index.ts";
import { WaylineError } from "../../../domain/index.ts";
import type { AppEnv } from "../../context.ts";

/**
 * Who a request speaks for, as a comment author. A member is known by their user id and shown
 * by their member name; a share link's holder is a guest known by the name they gave and the
 * link; local and token mode, which have no accounts, use the identity's name.
 */
export async function commentAuthorOf(c: Context<AppEnv>): Promise<CommentAuthor> {
  const who = c.var.identity;
  if (who.share)
    return {
      kind: "guest",
      guestName: who.name.replace(/ \(guest\)$/, "") || "Guest",
      shareLinkId: who.share.linkId,
    };
  if (!who.userId) return { kind: "member", userId: who.name, name: who.name };
  const members = await c.var.services.comments.members(c.var.workspaceId);
  const me = members.find((m) => m.userId === who.userId);
  return { kind: "member", userId: who.userId, name: me?.name || who.name };
}

/** The member a request speaks for (reviews and the inbox are for members only). */
export async function memberOf(c: Context<AppEnv>): Promise<{ userId: string; name: string }> {
  const a = await commentAuthorOf(c);
  if (a.kind !== "member") throw new WaylineError("forbidden", "only workspace members can do this");
  return { userId: a.userId, name: a.name };
}

/** The inbox a request reads: the member's user id (the identity's name without accounts). */
export function recipientOf(c: Context<AppEnv>): string {
  if (c.var.identity.share) throw new WaylineError("forbidden", "guests have no inbox");
  return c.var.identity.userId ?? c.var.identity.name;
}
