import type { Kysely } from "kysely";

/**
 * Migration 0010: comment threads and comments, review requests, and the inbox. Threads are
 * never deleted while their map exists (a thread whose anchor is gone shows as "Detached").
 */
export async function createDiscussionTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("comment_threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("anchor", "text", (c) => c.notNull())
    .addColumn("anchor_key", "text", (c) => c.notNull())
    .addColumn("anchor_label", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("comment_threads_journey")
    .on("comment_threads")
    .columns(["journey_id", "updated_at"])
    .execute();
  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) => c.notNull().references("comment_threads.id").onDelete("cascade"))
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("author_key", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema
    .createIndex("comments_thread")
    .on("comments")
    .columns(["thread_id", "created_at"])
    .execute();
  await db.schema
    .createTable("reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_by_name", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reviewers", "text", (c) => c.notNull())
    .addColumn("version_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .execute();
  await db.schema
    .createIndex("reviews_journey")
    .on("reviews")
    .columns(["journey_id", "created_at"])
    .execute();
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("journey_id", "text", (c) => c.notNull())
    .addColumn("map_title", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("excerpt", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_recipient")
    .on("notifications")
    .columns(["workspace_id", "recipient", "created_at"])
    .execute();
}

/** Row of `comment_threads`. */
export interface CommentThreadRow {
  id: string;
  workspace_id: string;
  journey_id: string;
  /** CommentAnchor as JSON. */
  anchor: string;
  /** `anchorKey(anchor)`: groups threads per item. */
  anchor_key: string;
  /** The anchor's label when the thread last saw it (kept for detached threads). */
  anchor_label: string;
  /** "open", "resolved" or "deleted" (every comment deleted). */
  status: string;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  /** Bumped on every change of the thread or its comments (the live cursor). */
  updated_at: string;
}

/** Row of `comments`. */
export interface CommentRow {
  id: string;
  thread_id: string;
  /** CommentAuthor as JSON. */
  author: string;
  /** `authorKey(author)`. */
  author_key: string;
  /** Plain text with `@[Name](userId)` mentions; empty once deleted. */
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

/** Row of `reviews`. */
export interface ReviewRow {
  id: string;
  workspace_id: string;
  journey_id: string;
  /** User id of the requester. */
  requested_by: string;
  requested_by_name: string;
  message: string;
  /** "pending", "approved", "changes_requested" or "cancelled". */
  status: string;
  /** ReviewerState[] as JSON. */
  reviewers: string;
  /** The version published on approval. */
  version_id: string | null;
  created_at: string;
  decided_at: string | null;
}

/** Row of `notifications`: one inbox item of one recipient. */
export interface NotificationRow {
  id: string;
  workspace_id: string;
  /** User id of the recipient. */
  recipient: string;
  type: string;
  journey_id: string;
  map_title: string;
  /** One line, e.g. "Ana mentioned you on Card “Finds no parking”". */
  title: string;
  /** A preview of the comment or the reason, plain text. */
  excerpt: string;
  /** Name of who caused it ("Wayline" for sweeps). */
  actor: string;
  /** NotificationTarget as JSON: what the link opens and focuses. */
  target: string;
  /** Unique per item derived by sweeps (overdue, due for review) so each is told once. */
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}
