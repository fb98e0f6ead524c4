import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Roles a token grants. */
export type TokenRole = "owner" | "editor" | "viewer";

/** SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** API tokens for team mode; the plain token is shown once and never stored. */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a token and returns its plain value. */
  async create(name: string, role: TokenRole, now: string): Promise<string> {
    const token = `wl_${randomBytes(24).toString("base64url")}`;
    await this.db
      .insertInto("api_tokens")
      .values({ name, role, token_hash: hashToken(token), created_at: now } as never)
      .execute();
    return token;
  }

  /** The name and role of a token, or null when it is unknown. */
  async verify(token: string): Promise<{ name: string; role: TokenRole } | null> {
    const row = await this.db
      .selectFrom("api_tokens")
      .select(["name", "role"])
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirst();
    return row ? { name: row.name, role: row.role as TokenRole } : null;
  }
}
