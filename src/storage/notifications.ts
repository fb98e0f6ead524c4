import { type Kysely, sql } from "kysely";
import type { NotificationRow } from "./discussion-migration.ts";
import type { Database } from "./schema.ts";

/** What an inbox item opens: a map, and on it a thread, a card or the review panel. */
export interface NotificationTarget {
  journeyId: string;
  threadId?: string;
  cardId?: string;
  reviewId?: string;
}

/** A stored inbox item. */
export interface StoredNotification {
  id: string;
  recipient: string;
  type: string;
  journeyId: string;
  mapTitle: string;
  title: string;
  excerpt: string;
  actor: string;
  target: NotificationTarget;
  /** Set for items derived by sweeps: the same key is never stored twice. */
  dedupeKey: string | null;
  createdAt: string;
  readAt: string | null;
}

const notificationOf = (r: NotificationRow): StoredNotification => ({
  id: r.id,
  recipient: r.recipient,
  type: r.type,
  journeyId: r.journey_id,
  mapTitle: r.map_title,
  title: r.title,
  excerpt: r.excerpt,
  actor: r.actor,
  target: JSON.parse(r.target),
  dedupeKey: r.dedupe_key,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** The inbox: notifications per workspace and recipient. */
export class NotificationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores an item; one with a `dedupeKey` already stored is skipped (answers false). */
  async insert(ws: string, n: StoredNotification): Promise<boolean> {
    if (n.dedupeKey) {
      const seen = await this.db
        .selectFrom("notifications")
        .select("id")
        .where("dedupe_key", "=", n.dedupeKey)
        .executeTakeFirst();
      if (seen) return false;
    }
    const r = await this.db
      .insertInto("notifications")
      .values({
        id: n.id,
        workspace_id: ws,
        recipient: n.recipient,
        type: n.type,
        journey_id: n.journeyId,
        map_title: n.mapTitle,
        title: n.title,
        excerpt: n.excerpt,
        actor: n.actor,
        target: JSON.stringify(n.target),
        dedupe_key: n.dedupeKey,
        created_at: n.createdAt,
        read_at: n.readAt,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 1n) > 0;
  }

  /** True when an item with this dedupe key was stored (a swept event already told). */
  async hasKey(dedupeKey: string): Promise<boolean> {
    const r = await this.db
      .selectFrom("notifications")
      .select("id")
      .where("dedupe_key", "=", dedupeKey)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** A recipient's items, newest first, at most `limit`; only unread ones when asked. */
  async list(
    ws: string,
    recipient: string,
    opts: { unreadOnly?: boolean; limit: number; hiddenMaps?: readonly string[] },
  ): Promise<StoredNotification[]> {
    let q = this.db
      .selectFrom("notifications")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("recipient", "=", recipient);
    if (opts.unreadOnly) q = q.where("read_at", "is", null);
    if (opts.hiddenMaps?.length) q = q.where("journey_id", "not in", [...opts.hiddenMaps]);
    const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(opts.limit).execute();
    return rows.map(notificationOf);
  }

  /** Number of a recipient's unread items (without those of `hiddenMaps`). */
  async unread(ws: string, recipient: string, hiddenMaps: readonly string[] = []): Promise<number> {
    const r = await this.db
      .selectFrom("notifications")
      .select(sql<number>`count(*)`.as("n"))
      .where("workspace_id", "=", ws)
      .where("recipient", "=", recipient)
      .where("read_at", "is", null)
      .$call((q) => (hiddenMaps.length ? q.where("journey_id", "not in", [...hiddenMaps]) : q))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Marks items read (`read`) or unread; only the recipient's own. Answers how many changed. */
  async mark(ws: string, recipient: string, ids: readonly string[] | "all", read: boolean, now: string) {
    let q = this.db
      .updateTable("notifications")
      .set({ read_at: read ? now : null })
      .where("workspace_id", "=", ws)
      .where("recipient", "=", recipient);
    if (ids !== "all") {
      if (ids.length === 0) return 0;
      q = q.where("id", "in", [...ids]);
    }
    q = read ? q.where("read_at", "is", null) : q.where("read_at", "is not", null);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
