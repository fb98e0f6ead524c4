import { authorName } from "../../domain/comments/index.ts";
import type { EventActor, WaylineEvent } from "../events/events.ts";

/** The event type of the deliveries "Send test" makes (not an event of the bus). */
export const TEST_EVENT = "webhook.test";

/** A test delivery's event: the fields every event has, and the webhook it tests. */
export interface TestEvent {
  type: typeof TEST_EVENT;
  workspaceId: string;
  webhookId: string;
  at: string;
  actor: EventActor;
}

/** What a delivery carries: an event of the bus, or a test. */
export type DeliveredEvent = WaylineEvent | TestEvent;

/** Longest text of a Slack message (characters; Slack cuts section text at 3000). */
export const MAX_SLACK_TEXT = 2900;

const who = (a: EventActor) => (a.kind === "system" ? "Wayline" : authorName(a));

/** One sentence saying what happened, e.g. `Ana renamed stage “Arrival” → “Finding the place” on “Pizza”`. */
export function sentenceOf(e: DeliveredEvent): string {
  const by = who(e.actor);
  if (e.type === TEST_EVENT) return `Test delivery from Wayline (sent by ${by})`;
  const on = `“${e.mapTitle}”`;
  switch (e.type) {
    case "comment.created":
      return `${by} commented on ${e.anchorLabel} of ${on}: ${e.preview}`;
    case "comment.replied":
      return `${by} replied on ${e.anchorLabel} of ${on}: ${e.preview}`;
    case "comment.edited":
      return `${by} edited a comment on ${on}`;
    case "comment.deleted":
      return `${by} deleted a comment on ${on}`;
    case "thread.resolved":
      return `${by} resolved a thread on ${on}`;
    case "thread.reopened":
      return `${by} reopened a thread on ${on}`;
    case "review.requested":
      return `${by} requested a review of ${on}`;
    case "review.approved":
      return `${by} approved ${on}`;
    case "review.changes_requested":
      return `${by} requested changes to ${on}`;
    case "map.published":
      return `${on} was published`;
    case "pain.assigned":
      return `A pain point on ${on} has a new owner: “${e.cardText}”`;
    case "pain.overdue":
      return `A pain point on ${on} is overdue since ${e.dueDate}: “${e.cardText}”`;
    case "map.review_due":
      return `${on} is due for review`;
    case "map.changed":
      return `${by} ${e.summary} on ${on}`;
  }
}

/** Slack's mrkdwn treats `&`, `<` and `>` as markup: user text is escaped, never markup. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The exact body of a delivery. `json`: `{id, type, createdAt, workspaceId, data}` with the event
 * as `data`; `slack`: an incoming-webhook message `{text, blocks}` (Slack, Mattermost, Rocket.Chat).
 */
export function bodyOf(deliveryId: string, e: DeliveredEvent, format: "json" | "slack"): string {
  if (format === "slack") {
    const raw = sentenceOf(e);
    const text = slackEscape(raw.length > MAX_SLACK_TEXT ? `${raw.slice(0, MAX_SLACK_TEXT - 1)}…` : raw);
    return JSON.stringify({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  }
  return JSON.stringify({
    id: deliveryId,
    type: e.type,
    createdAt: e.at,
    workspaceId: e.workspaceId,
    data: e,
  });
}
