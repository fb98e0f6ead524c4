import type { Kysely } from "kysely";
import { hashSecret } from "./accounts.ts";
import type { Database } from "./schema.ts";

/** A single-sign-on flow in progress. */
export interface SsoLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Authorization-code flows between "start" and "callback", keyed by a hash of the browser's flow cookie. */
export class SsoLoginRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Remembers a flow until `expiresAt`; also forgets flows that have expired. */
  async save(cookie: string, flow: SsoLogin, now: string, expiresAt: string): Promise<void> {
    await this.db.deleteFrom("sso_logins").where("expires_at", "<=", now).execute();
    await this.db
      .insertInto("sso_logins")
      .values({
        id_hash: hashSecret(cookie),
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
        return_to: flow.returnTo,
        expires_at: expiresAt,
      })
      .execute();
  }

  /** Takes the flow of a cookie (single use: it is deleted), or undefined when unknown or expired. */
  async take(cookie: string, now: string): Promise<SsoLogin | undefined> {
    const row = await this.db
      .deleteFrom("sso_logins")
      .where("id_hash", "=", hashSecret(cookie))
      .returningAll()
      .executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
  }
}
