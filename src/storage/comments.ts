import type { Kysely } from "kysely";
import type { CommentAnchor, CommentAuthor } from "../domain/comments/index.ts";
import type { CommentRow, CommentThreadRow } from "./discussion-migration.ts";
import type { Database } from "./schema.ts";

/** Status of a thread. */
export type ThreadStatus = "open" | "resolved" | "deleted";

/** A stored comment. */
export interface StoredComment {
  id: string;
  threadId: string;
  author: CommentAuthor;
  authorKey: string;
  /** Plain text with mentions; "" once deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** A stored thread with its comments, oldest first. */
export interface StoredThread {
  id: string;
  journeyId: string;
  anchor: CommentAnchor;
  anchorKey: string;
  /** Label of the anchor when last seen (shown for detached threads). */
  anchorLabel: string;
  status: ThreadStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  comments: StoredComment[];
}

/** What a new thread stores. */
export type NewThread = Omit<StoredThread, "comments" | "resolvedBy" | "resolvedAt" | "status"> & {
  first: StoredComment;
};

const commentOf = (r: CommentRow): StoredComment => ({
  id: r.id,
  threadId: r.thread_id,
  author: JSON.parse(r.author),
  authorKey: r.author_key,
  body: r.body,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  deletedAt: r.deleted_at,
});

const threadOf = (r: CommentThreadRow, comments: StoredComment[]): StoredThread => ({
  id: r.id,
  journeyId: r.journey_id,
  anchor: JSON.parse(r.anchor),
  anchorKey: r.anchor_key,
  anchorLabel: r.anchor_label,
  status: r.status as ThreadStatus,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  comments,
});

/** Comment threads and their comments, per map. */
export class CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a thread with its first comment. */
  async insertThread(ws: string, t: NewThread): Promise<void> {
    await this.db
      .insertInto("comment_threads")
      .values({
        id: t.id,
        workspace_id: ws,
        journey_id: t.journeyId,
        anchor: JSON.stringify(t.anchor),
        anchor_key: t.anchorKey,
        anchor_label: t.anchorLabel,
        status: "open",
        resolved_by: null,
        resolved_at: null,
        created_at: t.createdAt,
        updated_at: t.updatedAt,
      })
      .execute();
    await this.insertComment(t.first);
  }

  /** Stores a comment (the caller touches its thread). */
  async insertComment(c: StoredComment): Promise<void> {
    await this.db
      .insertInto("comments")
      .values({
        id: c.id,
        thread_id: c.threadId,
        author: JSON.stringify(c.author),
        author_key: c.authorKey,
        body: c.body,
        created_at: c.createdAt,
        edited_at: c.editedAt,
        deleted_at: c.deletedAt,
      })
      .execute();
  }

  /** Threads of a map (deleted ones left out), oldest first, with their comments. */
  async list(ws: string, journeyId: string): Promise<StoredThread[]> {
    const rows = await this.db
      .selectFrom("comment_threads")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("journey_id", "=", journeyId)
      .where("status", "!=", "deleted")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    if (rows.length === 0) return [];
    const comments = await this.db
      .selectFrom("comments")
      .selectAll()
      .where(
        "thread_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const by = new Map<string, StoredComment[]>();
    for (const c of comments) {
      const list = by.get(c.thread_id) ?? [];
      list.push(commentOf(c));
      by.set(c.thread_id, list);
    }
    return rows.map((r) => threadOf(r, by.get(r.id) ?? []));
  }

  /** One thread of a map with its comments, or null (also for a thread of another map or workspace). */
  async get(ws: string, journeyId: string, threadId: string): Promise<StoredThread | null> {
    const r = await this.db
      .selectFrom("comment_threads")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("journey_id", "=", journeyId)
      .where("id", "=", threadId)
      .executeTakeFirst();
    if (!r) return null;
    const comments = await this.db
      .selectFrom("comments")
      .selectAll()
      .where("thread_id", "=", threadId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return threadOf(r, comments.map(commentOf));
  }

  /** Changes a thread's status, label or both, and bumps its `updated_at`. */
  async updateThread(
    threadId: string,
    patch: {
      status?: ThreadStatus;
      resolvedBy?: string | null;
      resolvedAt?: string | null;
      anchorLabel?: string;
    },
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable("comment_threads")
      .set({
        updated_at: now,
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.resolvedBy !== undefined ? { resolved_by: patch.resolvedBy } : {}),
        ...(patch.resolvedAt !== undefined ? { resolved_at: patch.resolvedAt } : {}),
        ...(patch.anchorLabel !== undefined ? { anchor_label: patch.anchorLabel } : {}),
      })
      .where("id", "=", threadId)
      .execute();
  }

  /** Changes a comment's body (edit) or marks it deleted (body emptied). */
  async updateComment(
    commentId: string,
    patch: { body: string; editedAt?: string; deletedAt?: string },
  ): Promise<void> {
    await this.db
      .updateTable("comments")
      .set({
        body: patch.body,
        ...(patch.editedAt ? { edited_at: patch.editedAt } : {}),
        ...(patch.deletedAt ? { deleted_at: patch.deletedAt } : {}),
      })
      .where("id", "=", commentId)
      .execute();
  }

  /** The newest change of any thread of a map ("" when none): the live cursor. */
  async cursor(ws: string, journeyId: string): Promise<string> {
    const r = await this.db
      .selectFrom("comment_threads")
      .select((eb) => eb.fn.max("updated_at").as("latest"))
      .where("workspace_id", "=", ws)
      .where("journey_id", "=", journeyId)
      .executeTakeFirst();
    return (r?.latest as string | null | undefined) ?? "";
  }

  /** Number of threads of a map (every status but deleted). */
  async count(ws: string, journeyId: string): Promise<number> {
    const r = await this.db
      .selectFrom("comment_threads")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("workspace_id", "=", ws)
      .where("journey_id", "=", journeyId)
      .where("status", "!=", "deleted")
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
