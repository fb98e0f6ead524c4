import { Hono } from "hono";
import { type InboxCountView, InboxQuery, type InboxView, MarkInboxBody } from "../../../contract/inbox.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { recipientOf } from "../comments/author.ts";

/** `/api/inbox…`: the caller's own notifications in the current workspace. */
export function inboxRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const q = query(c, InboxQuery);
    return c.json<InboxView>(
      await c.var.services.notifications.list(c.var.workspaceId, recipientOf(c), {
        unreadOnly: q.unread === "1",
        limit: q.limit,
      }),
    );
  });
  r.get("/count", async (c) =>
    c.json<InboxCountView>({
      unread: await c.var.services.notifications.unread(c.var.workspaceId, recipientOf(c)),
    }),
  );
  r.post("/read", async (c) => {
    const b = await body(c, MarkInboxBody);
    const unread = await c.var.services.notifications.mark(
      c.var.workspaceId,
      recipientOf(c),
      b.all ? "all" : (b.ids ?? []),
      b.read,
    );
    return c.json<InboxCountView>({ unread });
  });
  return r;
}
