import { z } from "zod";
import { text } from "../domain/model/text.ts";
import type { WaylineEventType } from "../services/events/events.ts";

export type { CreatedWebhook, WebhookView } from "../services/webhooks/webhook-service.ts";
// Outgoing webhooks of the current workspace, `/api/webhooks…` (docs/api.md "Webhooks").
export type { StoredDelivery as DeliveryView } from "../storage/webhooks.ts";

/** Every event a webhook can receive, with its label (a Record: a new event type must be named here). */
export const WEBHOOK_EVENT_LABELS: Readonly<Record<WaylineEventType, string>> = {
  "comment.created": "Comment (new thread, mentions)",
  "comment.replied": "Reply",
  "comment.edited": "Comment edited",
  "comment.deleted": "Comment deleted",
  "thread.resolved": "Thread resolved",
  "thread.reopened": "Thread reopened",
  "review.requested": "Review requested",
  "review.approved": "Review approved",
  "review.changes_requested": "Changes requested",
  "map.published": "Map published",
  "pain.assigned": "Pain point owner assigned",
  "pain.overdue": "Pain point overdue",
  "map.review_due": "Map due for review",
  "map.changed": "Map changed (activity)",
};

/** The event type names, in the order the settings list them. */
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_LABELS) as [
  WaylineEventType,
  ...WaylineEventType[],
];

/** Longest webhook URL (characters; the address checks are the server's). */
const url = text().min(1).max(2000);

/** Body of `POST /api/webhooks`. */
export const CreateWebhookBody = z.strictObject({
  /** Where deliveries are POSTed (http or https; private addresses refused unless allowed). */
  url,
  /** The events it receives (at least one). */
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
  /** `json` (the Wayline payload, default) or `slack` (`{text, blocks}`). */
  format: z.enum(["json", "slack"]).default("json"),
  /** What it is for. */
  description: text().max(200).default(""),
  /** Paused webhooks queue nothing. */
  enabled: z.boolean().default(true),
});

/** Body of `PATCH /api/webhooks/:id`: any of the fields. */
export const UpdateWebhookBody = z
  .strictObject({
    url: url.optional(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
    format: z.enum(["json", "slack"]).optional(),
    description: text().max(200).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one field", path: ["url"] });

/** Query of `GET /api/webhooks/:id/deliveries`. */
export const DeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(50),
});
