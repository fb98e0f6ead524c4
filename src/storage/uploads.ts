import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** Row of `uploads`: an image a user uploaded (persona photos), bytes kept in the database. */
export interface UploadRow {
  id: string;
  workspace_id: string;
  /** Sniffed MIME type (image/png, image/jpeg, image/gif, image/webp). */
  mime: string;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  data: Uint8Array;
  created_at: string;
}

/** An upload as services see it. */
export interface StoredUpload {
  id: string;
  mime: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  createdAt: string;
}

/** `0012_uploads`: uploaded images live in the database (backups and PostgreSQL replicas carry them). */
export async function createUploads(db: Kysely<unknown>, binary: string): Promise<void> {
  await db.schema
    .createTable("uploads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("data", sql.raw(binary), (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

/** The workspace's uploaded images. */
export class UploadRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores an upload. */
  async insert(workspaceId: string, u: StoredUpload): Promise<void> {
    await this.db
      .insertInto("uploads")
      .values({
        id: u.id,
        workspace_id: workspaceId,
        mime: u.mime,
        size: u.size,
        sha256: u.sha256,
        data: u.data,
        created_at: u.createdAt,
      })
      .execute();
  }

  /** One upload of the workspace, or null. */
  async get(workspaceId: string, id: string): Promise<StoredUpload | null> {
    const r = await this.db
      .selectFrom("uploads")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r
      ? {
          id: r.id,
          mime: r.mime,
          size: r.size,
          sha256: r.sha256,
          data: new Uint8Array(r.data),
          createdAt: r.created_at,
        }
      : null;
  }

  /** Bytes stored by the workspace (the quota). */
  async totalBytes(workspaceId: string): Promise<number> {
    const r = await this.db
      .selectFrom("uploads")
      .select((eb) => eb.fn.sum<number>("size").as("total"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    return Number(r?.total ?? 0);
  }
}
