import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { WaylineError } from "../domain/index.ts";
import type { Database } from "./schema.ts";

/** Roles a token grants. */
export type TokenRole = "owner" | "editor" | "viewer";

/** SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as listed (never its value). */
export interface TokenInfo {
  id: number;
  name: string;
  role: TokenRole;
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
}

/** `last_used_at` is written at most this often per token (one write per request would be costly). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** API tokens for team mode; the plain token is shown once and never stored. Names are unique. */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token and returns its plain value; `conflict` when the name is taken. */
  async create(name: string, role: TokenRole, now: string): Promise<string> {
    const taken = await this.db
      .selectFrom("api_tokens")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirst();
    if (taken) throw duplicate(name);
    const token = `wl_${randomBytes(24).toString("base64url")}`;
    try {
      await this.db
        .insertInto("api_tokens")
        .values({ name, role, token_hash: hashToken(token), created_at: now } as never)
        .execute();
    } catch (e) {
      // A concurrent create of the same name lost the race on the unique index.
      if (await this.db.selectFrom("api_tokens").select("id").where("name", "=", name).executeTakeFirst())
        throw duplicate(name);
      throw e;
    }
    return token;
  }

  /** The token's identity, or null when it is unknown; records its use (to the minute). */
  async verify(token: string, now: string = new Date().toISOString()): Promise<TokenIdentity | null> {
    const row = await this.db
      .selectFrom("api_tokens")
      .select(["id", "name", "role", "created_at", "last_used_at"])
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
    };
  }

  /** Every token, oldest first. */
  async list(): Promise<TokenInfo[]> {
    const rows = await this.db.selectFrom("api_tokens").selectAll().orderBy("id").execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      role: r.role as TokenRole,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at ?? null,
    }));
  }

  /** Deletes a token by name or (all digits) id; `not_found` when there is none. */
  async revoke(nameOrId: string): Promise<TokenInfo> {
    const all = await this.list();
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
