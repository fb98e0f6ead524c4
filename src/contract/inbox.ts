import { z } from "zod";
import { text } from "../domain/model/text.ts";

// The inbox of the signed-in member, `/api/inbox…` (docs/api.md "Inbox").
export type { InboxItem, InboxView } from "../services/notifications/notification-service.ts";

/** Query of `GET /api/inbox`. */
export const InboxQuery = z.strictObject({
  /** `1`: only unread items. */
  unread: z.enum(["0", "1"]).default("0"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Body of `POST /api/inbox/read`: some items or all, read (default) or unread again. */
export const MarkInboxBody = z
  .strictObject({
    ids: z.array(text().min(1).max(200)).max(200).optional(),
    all: z.literal(true).optional(),
    read: z.boolean().default(true),
  })
  .refine((b) => (b.ids !== undefined) !== (b.all !== undefined), {
    message: "give either ids or all: true",
    path: ["ids"],
  });

/** Answer of `GET /api/inbox/count` and `POST /api/inbox/read`. */
export interface InboxCountView {
  unread: number;
}
