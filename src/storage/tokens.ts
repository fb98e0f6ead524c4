import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { WaylineError } from "../domain/index.ts";
import type { Role } from "../domain/roles.ts";
import type { Database } from "./schema.ts";
import { DEFAULT_WORKSPACE_ID } from "./workspaces.ts";

/** Roles a token grants: any member role, in the token's workspace. */
export type TokenRole = Role;

/** SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as listed (never its value). */
export interface TokenInfo {
  id: number;
  name: string;
  role: TokenRole;
  /** The workspace the token acts in. */
  workspaceId: string;
  createdAt: string;
  /** Last request it authenticated (to the minute), or null when never used. */
  lastUsedAt: string | null;
}

/** Who a token is. */
export interface TokenIdentity {
  /** Row id: the revoke handle. */
  tokenId: number;
  /**
   * When the token was made: with the id, its rate-limit bucket (SQLite reuses the id of a
   * deleted last row, so a token made after a revoke may get the revoked one's id).
   */
  createdAt: string;
  name: string;
  role: TokenRole;
  /** The workspace the token acts in (and only there). */
  workspaceId: string;
}

/** `last_used_at` is written at most this often per token (one write per request would be costly). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Longest token name. */
export const TOKEN_NAME_MAX = 100;

/**
 * API tokens; the plain token is shown once and never stored. Each belongs to one workspace and
 * acts only there, with its role; names are unique per workspace.
 */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token and returns its plain value; `conflict` when the name is taken in the workspace. */
  async create(
    name: string,
    role: TokenRole,
    now: string,
    workspaceId: string = DEFAULT_WORKSPACE_ID,
  ): Promise<string> {
    if (await this.byName(workspaceId, name)) throw duplicate(name);
    const token = `wl_${randomBytes(24).toString("base64url")}`;
    try {
      await this.db
        .insertInto("api_tokens")
        .values({
          name,
          role,
          workspace_id: workspaceId,
          token_hash: hashToken(token),
          created_at: now,
        } as never)
        .execute();
    } catch (e) {
      // A concurrent create of the same name lost the race on the unique index.
      if (await this.byName(workspaceId, name)) throw duplicate(name);
      throw e;
    }
    return token;
  }

  /** A workspace's token by name, or undefined. */
  async byName(workspaceId: string, name: string): Promise<TokenInfo | undefined> {
    const r = await this.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("name", "=", name)
      .executeTakeFirst();
    return r && toInfo(r);
  }

  /** The token's identity, or null when it is unknown; records its use (to the minute). */
  async verify(token: string, now: string = new Date().toISOString()): Promise<TokenIdentity | null> {
    const row = await this.db
      .selectFrom("api_tokens")
      .select(["id", "name", "role", "created_at", "workspace_id", "last_used_at"])
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!row) return null;
    const last = row.last_used_at ? Date.parse(row.last_used_at) : 0;
    if (Date.parse(now) - last >= LAST_USED_RESOLUTION_MS)
      await this.db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.id).execute();
    return {
      tokenId: Number(row.id),
      createdAt: row.created_at,
      name: row.name,
      role: row.role as TokenRole,
      workspaceId: String(row.workspace_id),
    };
  }

  /** The tokens of a workspace (of every workspace when absent), oldest first. */
  async list(workspaceId?: string): Promise<TokenInfo[]> {
    const rows = await this.db
      .selectFrom("api_tokens")
      .selectAll()
      .$call((q) => (workspaceId === undefined ? q : q.where("workspace_id", "=", workspaceId)))
      .orderBy("id")
      .execute();
    return rows.map(toInfo);
  }

  /**
   * Deletes a token of the workspace by name or (all digits) id; `not_found` when there is none.
   * Without a workspace, names are looked up in every workspace and must be unambiguous.
   */
  async revoke(nameOrId: string, workspaceId?: string): Promise<TokenInfo> {
    const all = await this.list(workspaceId);
    const named = all.filter((t) => t.name === nameOrId);
    if (named.length > 1)
      throw new WaylineError(
        "conflict",
        `tokens named "${nameOrId}" exist in ${named.length} workspaces (${named.map((t) => t.workspaceId).join(", ")}); name the workspace or revoke by id`,
      );
    const hit =
      all.find((t) => t.name === nameOrId) ??
      (/^\d+$/.test(nameOrId) ? all.find((t) => t.id === Number(nameOrId)) : undefined);
    if (!hit) throw new WaylineError("not_found", `no token named or numbered "${nameOrId}"`);
    await this.db.deleteFrom("api_tokens").where("id", "=", hit.id).execute();
    return hit;
  }
}

const duplicate = (name: string) =>
  new WaylineError(
    "conflict",
    `a token named "${name}" already exists; revoke it first or choose another name`,
  );

function toInfo(r: {
  id: number | unknown;
  name: string;
  role: string;
  workspace_id?: unknown;
  created_at: string;
  last_used_at?: string | null;
}): TokenInfo {
  return {
    id: Number(r.id),
    name: r.name,
    role: r.role as TokenRole,
    workspaceId: String(r.workspace_id ?? DEFAULT_WORKSPACE_ID),
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at ?? null,
  };
}
