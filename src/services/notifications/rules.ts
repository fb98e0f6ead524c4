import { authorName } from "../../domain/comments/index.ts";
import type { NotificationTarget } from "../../storage/notifications.ts";
import type { EventActor, WaylineEvent } from "../events/events.ts";

/** Kinds of inbox item. */
export const NOTIFICATION_TYPES = [
  "mention",
  "reply",
  "pain_assigned",
  "pain_overdue",
  "review_requested",
  "review_approved",
  "review_changes_requested",
  "review_due",
] as const;
/** Kind of an inbox item. */
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** One inbox item an event asks for (before it gets an id and a time). */
export interface NotificationDraft {
  recipient: string;
  type: NotificationType;
  title: string;
  excerpt: string;
  actor: string;
  target: NotificationTarget;
  dedupeKey: string | null;
}

const actorName = (a: EventActor) => (a.kind === "system" ? "Wayline" : authorName(a));
const actorId = (a: EventActor) => (a.kind === "member" ? a.userId : null);

/** The key that tells a swept event once (pain assigned / overdue, map due for review). */
export function dedupeKeyOf(e: WaylineEvent): string | null {
  switch (e.type) {
    case "pain.assigned":
      return `pain.assigned:${e.workspaceId}:${e.journeyId}:${e.cardId}:${e.userId}`;
    case "pain.overdue":
      return `pain.overdue:${e.workspaceId}:${e.journeyId}:${e.cardId}:${e.userId}:${e.dueDate}`;
    case "map.review_due":
      return `map.review_due:${e.workspaceId}:${e.journeyId}:${e.userId}:${e.lastReviewedAt ?? "never"}`;
    default:
      return null;
  }
}

/**
 * Who is told what about an event: pure, one rule per event type. Nobody is told about their own
 * action; a person both mentioned and taking part in a thread gets one item (the mention).
 */
export function notificationsFor(e: WaylineEvent): NotificationDraft[] {
  const self = actorId(e.actor);
  const by = actorName(e.actor);
  const item = (
    recipient: string,
    type: NotificationType,
    title: string,
    excerpt: string,
    target: NotificationTarget,
  ) =>
    ({ recipient, type, title, excerpt, actor: by, target, dedupeKey: dedupeKeyOf(e) }) as NotificationDraft;
  const others = (ids: readonly string[]) => [...new Set(ids)].filter((id) => id !== self);
  const thread = (id: string) => ({ journeyId: e.journeyId, threadId: id });
  switch (e.type) {
    case "comment.created":
      return others(e.mentions).map((r) =>
        item(r, "mention", `${by} mentioned you on ${e.anchorLabel}`, e.preview, thread(e.threadId)),
      );
    case "comment.replied": {
      const mentioned = others(e.mentions);
      const told = new Set(mentioned);
      return [
        ...mentioned.map((r) =>
          item(r, "mention", `${by} mentioned you on ${e.anchorLabel}`, e.preview, thread(e.threadId)),
        ),
        ...others(e.participants)
          .filter((r) => !told.has(r))
          .map((r) => item(r, "reply", `${by} replied on ${e.anchorLabel}`, e.preview, thread(e.threadId))),
      ];
    }
    case "comment.edited":
      return others(e.mentions).map((r) =>
        item(r, "mention", `${by} mentioned you in a comment`, "", thread(e.threadId)),
      );
    case "review.requested":
      return others(e.reviewers).map((r) =>
        item(r, "review_requested", `${by} asked you to review “${e.mapTitle}”`, e.message, {
          journeyId: e.journeyId,
          reviewId: e.reviewId,
        }),
      );
    case "review.approved":
    case "review.changes_requested": {
      const approved = e.type === "review.approved";
      return others([e.requestedBy]).map((r) =>
        item(
          r,
          approved ? "review_approved" : "review_changes_requested",
          approved ? `${by} approved “${e.mapTitle}”` : `${by} requested changes to “${e.mapTitle}”`,
          e.comment,
          { journeyId: e.journeyId, reviewId: e.reviewId },
        ),
      );
    }
    case "pain.assigned":
      return [
        item(e.userId, "pain_assigned", `You own the pain point “${e.cardText}”`, `On “${e.mapTitle}”`, {
          journeyId: e.journeyId,
          cardId: e.cardId,
        }),
      ];
    case "pain.overdue":
      return [
        item(e.userId, "pain_overdue", `Overdue since ${e.dueDate}: “${e.cardText}”`, `On “${e.mapTitle}”`, {
          journeyId: e.journeyId,
          cardId: e.cardId,
        }),
      ];
    case "map.review_due":
      return [
        item(
          e.userId,
          "review_due",
          `“${e.mapTitle}” is due for review`,
          e.lastReviewedAt ? `Last reviewed ${e.lastReviewedAt}` : "Never reviewed",
          { journeyId: e.journeyId },
        ),
      ];
    default:
      return [];
  }
}
