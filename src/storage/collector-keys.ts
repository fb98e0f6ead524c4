import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Row of `collector_keys`: the one live-events write key of a workspace log, stored hashed. */
export interface CollectorKeyRow {
  log_id: string;
  workspace_id: string;
  /** SHA-256 of the key, hex (the key itself is shown once and never stored). */
  key_hash: string;
  /** First characters of the key, so the Data tab can tell keys apart ("wk_AbC1…"). */
  key_prefix: string;
  created_at: string;
  created_by: string;
}

/** The table of migration 0017, merged into `Database`. */
export interface CollectorKeyTables {
  collector_keys: CollectorKeyRow;
}

/** A stored write key as services see it (no hash). */
export interface CollectorKeyInfo {
  logId: string;
  workspaceId: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
}

/** `0017_collector_keys`: one write key per workspace log; deleting the log deletes its key. */
export async function createCollectorKeys(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("collector_keys")
    .addColumn("log_id", "text", (c) => c.primaryKey().references("event_logs.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("key_prefix", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .execute();
}

const toInfo = (r: CollectorKeyRow): CollectorKeyInfo => ({
  logId: r.log_id,
  workspaceId: r.workspace_id,
  prefix: r.key_prefix,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Write keys of the live-events collector. */
export class CollectorKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sets (creates or replaces: rotation) the key of a log. */
  async set(row: CollectorKeyRow): Promise<void> {
    const { log_id, ...rest } = row;
    await this.db
      .insertInto("collector_keys")
      .values(row)
      .onConflict((oc) => oc.column("log_id").doUpdateSet(rest))
      .execute();
  }

  /** The key of a log of the workspace, or null. */
  async get(workspaceId: string, logId: string): Promise<CollectorKeyInfo | null> {
    const r = await this.db
      .selectFrom("collector_keys")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("log_id", "=", logId)
      .executeTakeFirst();
    return r ? toInfo(r) : null;
  }

  /** The log a key hash writes to, or null. */
  async byHash(hash: string): Promise<CollectorKeyInfo | null> {
    const r = await this.db
      .selectFrom("collector_keys")
      .selectAll()
      .where("key_hash", "=", hash)
      .executeTakeFirst();
    return r ? toInfo(r) : null;
  }

  /** Revokes a log's key; true when there was one. */
  async delete(workspaceId: string, logId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("collector_keys")
      .where("workspace_id", "=", workspaceId)
      .where("log_id", "=", logId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
