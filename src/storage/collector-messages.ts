import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** Row of `collector_messages`: a `messageId` a workspace log took (for de-duplication). */
export interface CollectorMessageRow {
  log_id: string;
  /** The Segment `messageId` (at most 200 characters; the collector checks). */
  message_id: string;
  /** When it was taken, ISO 8601 UTC (the window and the pruning compare these as text). */
  seen_at: string;
}

/** The table of migration 0018, merged into `Database`. */
export interface CollectorMessageTables {
  collector_messages: CollectorMessageRow;
}

/**
 * `0018_collector_messages`: the recent message ids of each log, shared by every server process
 * on the database and kept across restarts. Deleting the log deletes them.
 */
export async function createCollectorMessages(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("collector_messages")
    .addColumn("log_id", "text", (c) => c.notNull().references("event_logs.id").onDelete("cascade"))
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("collector_messages_pk", ["log_id", "message_id"])
    .execute();
  await db.schema
    .createIndex("collector_messages_by_age")
    .on("collector_messages")
    .columns(["log_id", "seen_at"])
    .execute();
}

/** Ids per statement: 3 parameters each, under SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 2_500;

/**
 * The message ids each log took. `claim` is the one atomic step of de-duplication: of the ids
 * given, it records and returns those no process took since `since` — two servers offered the
 * same id at once get it once between them (the primary key decides).
 */
export class CollectorMessageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records `ids` (distinct) for the log at `at` and returns the ones that were free: never taken,
   * or taken before `since` (outside the window; their row is renewed).
   */
  async claim(logId: string, ids: readonly string[], at: string, since: string): Promise<Set<string>> {
    const taken = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = ids.slice(i, i + CHUNK).map((message_id) => ({ log_id: logId, message_id, seen_at: at }));
      const got = await this.db
        .insertInto("collector_messages")
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(["log_id", "message_id"])
            .doUpdateSet({ seen_at: (eb) => eb.ref("excluded.seen_at") })
            .where("collector_messages.seen_at", "<", since),
        )
        .returning("message_id")
        .execute();
      for (const r of got) taken.add(r.message_id);
    }
    return taken;
  }

  /** Forgets ids the log took (their events were not appended, so a retry must be accepted). */
  async release(logId: string, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK)
      await this.db
        .deleteFrom("collector_messages")
        .where("log_id", "=", logId)
        .where("message_id", "in", ids.slice(i, i + CHUNK))
        .execute();
  }

  /**
   * Drops the log's ids taken before `since`, and all but the newest `keep` (ties at the cut are
   * kept). Returns how many rows were deleted.
   */
  async prune(logId: string, since: string, keep: number): Promise<number> {
    const cut = await this.db
      .selectFrom("collector_messages")
      .select("seen_at")
      .where("log_id", "=", logId)
      .orderBy("seen_at", "desc")
      .limit(1)
      .offset(keep)
      .executeTakeFirst();
    const before = cut && cut.seen_at > since ? cut.seen_at : since;
    const r = await this.db
      .deleteFrom("collector_messages")
      .where("log_id", "=", logId)
      .where("seen_at", "<", before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** How many ids the log keeps (tests, limits). */
  async count(logId: string): Promise<number> {
    const r = await this.db
      .selectFrom("collector_messages")
      .select(sql<number>`count(*)`.as("n"))
      .where("log_id", "=", logId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
