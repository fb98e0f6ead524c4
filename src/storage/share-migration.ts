import type { Kysely } from "kysely";

/** Row of `share_links`: a link that opens one map without an account; only a hash of the token is stored. */
export interface ShareLinkRow {
  id: string;
  token_hash: string;
  workspace_id: string;
  journey_id: string;
  /** "view" | "comment" | "edit". */
  access: string;
  /** argon2id hash of the link's password, or null for an open link. */
  password_hash: string | null;
  /** Who created it (user id, token or "local"). */
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** Last request it authenticated (to the minute), or null. */
  last_used_at: string | null;
}

/** Row of `login_failures`: failed logins of one account (`a:`) or address (`ip:`), kept across restarts. */
export interface LoginFailureRow {
  key: string;
  /** Failure times (ms since epoch) inside the window, as a JSON array. */
  failures: string;
  /** Locked until this time (ms since epoch); 0 when not locked. */
  locked_until: number;
}

/** Row of `sso_logins`: one authorization-code flow in progress (PKCE verifier, state, nonce). */
export interface SsoLoginRow {
  /** SHA-256 of the browser's flow cookie. */
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** Path to return to after signing in. */
  return_to: string;
  expires_at: string;
}

/** The tables of migration 0009, merged into `Database`. */
export interface ShareTables {
  share_links: ShareLinkRow;
  login_failures: LoginFailureRow;
  sso_logins: SsoLoginRow;
}

/**
 * Migration 0009: share links (per map, revocable, optional expiry and password), persistent
 * failed-login counters (a restart no longer forgets a lock-out) and single-sign-on flows.
 */
export async function createShareTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("share_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("access", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("share_links_journey").on("share_links").column("journey_id").execute();
  await db.schema
    .createTable("login_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "text", (c) => c.notNull())
    .addColumn("locked_until", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sso_logins")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("return_to", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}
