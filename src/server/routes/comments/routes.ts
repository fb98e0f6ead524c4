import { Hono } from "hono";
import {
  ChangesQuery,
  CommentBody,
  type CommentChangesView,
  type CommentsView,
  type MentionableView,
  StartThreadBody,
  ThreadPatchBody,
  type ThreadView,
} from "../../../contract/comments.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { commentAuthorOf } from "./author.ts";

/** `/api/journeys/:id/comments…`: threads, replies, edits, resolve/reopen, live changes; `/mentionable`. */
export function commentRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const svc = (c: { var: AppEnv["Variables"] }) => c.var.services.comments;
  r.get("/:id/comments", async (c) =>
    c.json<CommentsView>(await svc(c).list(c.var.workspaceId, c.req.param("id"), await commentAuthorOf(c))),
  );
  r.get("/:id/comments/changes", async (c) => {
    const { since, wait } = query(c, ChangesQuery);
    return c.json<CommentChangesView>(
      await svc(c).changes(c.var.workspaceId, c.req.param("id"), since, wait, c.req.raw.signal),
    );
  });
  r.post("/:id/comments", async (c) => {
    const b = await body(c, StartThreadBody);
    const t = await svc(c).start(
      c.var.workspaceId,
      c.req.param("id"),
      await commentAuthorOf(c),
      b.anchor,
      b.body,
    );
    return c.json<ThreadView>(t, 201);
  });
  r.post("/:id/comments/:threadId/replies", async (c) => {
    const b = await body(c, CommentBody);
    const t = await svc(c).reply(
      c.var.workspaceId,
      c.req.param("id"),
      c.req.param("threadId"),
      await commentAuthorOf(c),
      b.body,
    );
    return c.json<ThreadView>(t, 201);
  });
  r.patch("/:id/comments/:threadId", async (c) => {
    const b = await body(c, ThreadPatchBody);
    const t = await svc(c).setStatus(
      c.var.workspaceId,
      c.req.param("id"),
      c.req.param("threadId"),
      await commentAuthorOf(c),
      b.status,
    );
    return c.json<ThreadView>(t);
  });
  r.patch("/:id/comments/:threadId/comments/:commentId", async (c) => {
    const b = await body(c, CommentBody);
    const p = c.req.param();
    const t = await svc(c).edit(
      c.var.workspaceId,
      p.id,
      p.threadId,
      p.commentId,
      await commentAuthorOf(c),
      b.body,
    );
    return c.json<ThreadView>(t);
  });
  r.delete("/:id/comments/:threadId/comments/:commentId", async (c) => {
    const p = c.req.param();
    await svc(c).remove(c.var.workspaceId, p.id, p.threadId, p.commentId, await commentAuthorOf(c));
    return c.body(null, 204);
  });
  r.get("/:id/mentionable", async (c) => {
    await c.var.services.journeys.get(c.var.workspaceId, c.req.param("id"));
    const members = await svc(c).members(c.var.workspaceId);
    return c.json<MentionableView[]>(
      members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role })),
    );
  });
  return r;
}
