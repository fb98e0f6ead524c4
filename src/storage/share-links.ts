import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ShareAccess } from "../domain/share.ts";
import { hashSecret, newSecret } from "./accounts.ts";
import type { Database } from "./schema.ts";
import type { ShareLinkRow } from "./share-migration.ts";

/** A share link as listed (never its token). */
export interface ShareLink {
  id: string;
  workspaceId: string;
  mapId: string;
  access: ShareAccess;
  /** Whether opening it asks for a password. */
  hasPassword: boolean;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A live link found by its token, with its password hash (for the unlock check). */
export interface OpenShareLink extends ShareLink {
  passwordHash: string | null;
}

/** `last_used_at` is written at most once a minute per link. */
const LAST_USED_RESOLUTION_MS = 60_000;

function toLink(r: ShareLinkRow): OpenShareLink {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    mapId: r.journey_id,
    access: r.access as ShareAccess,
    hasPassword: r.password_hash !== null,
    passwordHash: r.password_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

function listed({ passwordHash: _, ...link }: OpenShareLink): ShareLink {
  return link;
}

/** Share links of maps; the plain token is returned once at creation and only its hash is kept. */
export class ShareLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a link and returns it with its token. */
  async create(
    input: {
      workspaceId: string;
      mapId: string;
      access: ShareAccess;
      passwordHash: string | null;
      createdBy: string;
      expiresAt: string | null;
    },
    now: string,
  ): Promise<{ link: ShareLink; token: string }> {
    const token = newSecret("wls_");
    const row: ShareLinkRow = {
      id: randomUUID(),
      token_hash: hashSecret(token),
      workspace_id: input.workspaceId,
      journey_id: input.mapId,
      access: input.access,
      password_hash: input.passwordHash,
      created_by: input.createdBy,
      created_at: now,
      expires_at: input.expiresAt,
      revoked_at: null,
      last_used_at: null,
    };
    await this.db.insertInto("share_links").values(row).execute();
    return { link: listed(toLink(row)), token };
  }

  /** The links of one map in a workspace, newest first (revoked ones included, marked). */
  async listForMap(workspaceId: string, mapId: string): Promise<ShareLink[]> {
    const rows = await this.db
      .selectFrom("share_links")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", mapId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map((r) => listed(toLink(r)));
  }

  /** Revokes a link of this map; false when there is none (or it is of another map). */
  async revoke(workspaceId: string, mapId: string, id: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable("share_links")
      .set({ revoked_at: now })
      .where("id", "=", id)
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", mapId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * The live link of a token: not revoked, not expired at `now`; undefined otherwise (a revoked,
   * expired and unknown link look the same to the holder). Records its use, to the minute.
   */
  async open(token: string, now: string): Promise<OpenShareLink | undefined> {
    const row = await this.db
      .selectFrom("share_links")
      .selectAll()
      .where("token_hash", "=", hashSecret(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return undefined;
    if (row.expires_at !== null && row.expires_at <= now) return undefined;
    const last = row.last_used_at ? Date.parse(row.last_used_at) : 0;
    if (Date.parse(now) - last >= LAST_USED_RESOLUTION_MS) {
      await this.db.updateTable("share_links").set({ last_used_at: now }).where("id", "=", row.id).execute();
      row.last_used_at = now;
    }
    return toLink(row);
  }
}
