import type { CommentAnchor, CommentAuthor } from "../../domain/comments/index.ts";

/** Who caused an event: a comment author (member or share-link guest), or the system (sweeps). */
export type EventActor = CommentAuthor | { kind: "system" };

/** Fields every event carries. */
interface EventBase {
  /** Workspace the event happened in. */
  workspaceId: string;
  /** The map it is about. */
  journeyId: string;
  /** The map's title at the time. */
  mapTitle: string;
  /** When it happened (ISO 8601). */
  at: string;
  /** Who did it. */
  actor: EventActor;
}

/**
 * Every event of the team features, one documented union (docs/api.md "Events"). The inbox
 * subscribes to it today; webhooks and the activity log subscribe to the same bus.
 */
export type WaylineEvent =
  /** A new thread was started. `mentions`: user ids mentioned in its first comment. */
  | (EventBase & {
      type: "comment.created";
      threadId: string;
      commentId: string;
      anchor: CommentAnchor;
      anchorLabel: string;
      preview: string;
      mentions: string[];
    })
  /** A reply was added. `participants`: member user ids who wrote in the thread before. */
  | (EventBase & {
      type: "comment.replied";
      threadId: string;
      commentId: string;
      anchor: CommentAnchor;
      anchorLabel: string;
      preview: string;
      mentions: string[];
      participants: string[];
    })
  /** A comment's text was changed by its author; `mentions`: people newly mentioned. */
  | (EventBase & { type: "comment.edited"; threadId: string; commentId: string; mentions: string[] })
  /** A comment was deleted by its author. */
  | (EventBase & { type: "comment.deleted"; threadId: string; commentId: string })
  /** A thread was resolved or reopened. */
  | (EventBase & { type: "thread.resolved" | "thread.reopened"; threadId: string })
  /** Review requested from `reviewers` (user ids). */
  | (EventBase & { type: "review.requested"; reviewId: string; reviewers: string[]; message: string })
  /** A reviewer approved; `requestedBy` is the requester's user id. */
  | (EventBase & {
      type: "review.approved" | "review.changes_requested";
      reviewId: string;
      requestedBy: string;
      comment: string;
    })
  /** Every reviewer approved: the map is published as version `versionId`. */
  | (EventBase & { type: "map.published"; reviewId: string; versionId: string; requestedBy: string })
  /** A member became the owner of a pain point. */
  | (EventBase & { type: "pain.assigned"; cardId: string; cardText: string; userId: string })
  /** A pain point owned by a member passed its due date. */
  | (EventBase & { type: "pain.overdue"; cardId: string; cardText: string; userId: string; dueDate: string })
  /** A map owned by a member is past its review cadence. */
  | (EventBase & { type: "map.review_due"; userId: string; lastReviewedAt: string | null })
  /**
   * A map was changed (one activity entry: REST, CLI or live edit). Text edits of one item by one
   * person within a minute are one entry, so one event.
   */
  | (EventBase & { type: "map.changed"; activityId: string; kind: string; summary: string });

/** The type names of `WaylineEvent`. */
export type WaylineEventType = WaylineEvent["type"];

/** A subscriber; it may be async. Errors are reported, never thrown back at the publisher. */
export type EventHandler = (e: WaylineEvent) => void | Promise<void>;

/**
 * The one place events go through. `publish` awaits every subscriber (so the inbox is written
 * when the request that caused it answers); a failing subscriber is reported to `onError` and
 * does not undo the action or stop the other subscribers.
 */
export class EventBus {
  private readonly handlers = new Set<EventHandler>();
  constructor(private readonly onError: (e: unknown, event: WaylineEvent) => void = defaultOnError) {}

  /** Adds a subscriber; returns how to remove it. */
  subscribe(h: EventHandler): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }

  /** Delivers an event to every subscriber. */
  async publish(event: WaylineEvent): Promise<void> {
    await Promise.all(
      [...this.handlers].map(async (h) => {
        try {
          await h(event);
        } catch (e) {
          this.onError(e, event);
        }
      }),
    );
  }
}

function defaultOnError(e: unknown, event: WaylineEvent): void {
  console.error(`event subscriber failed on ${event.type}: ${(e as Error)?.message ?? String(e)}`);
}
