import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Failed logins of one key inside the window, and until when it is locked (ms since epoch). */
export interface LoginTally {
  failures: number[];
  lockedUntil: number;
}

/** Failed-login counters in the database, so a restart does not lift a lock-out. */
export class LoginFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The tally of a key (`a:<email>` or `ip:<address>`), or undefined. */
  async get(key: string): Promise<LoginTally | undefined> {
    const r = await this.db
      .selectFrom("login_failures")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirst();
    return r
      ? { failures: JSON.parse(r.failures) as number[], lockedUntil: Number(r.locked_until) }
      : undefined;
  }

  /** Stores the tally of a key. */
  async put(key: string, tally: LoginTally): Promise<void> {
    const values = { failures: JSON.stringify(tally.failures), locked_until: tally.lockedUntil };
    await this.db
      .insertInto("login_failures")
      .values({ key, ...values })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
  }

  /** Forgets a key (a successful login clears its account's failures). */
  async delete(key: string): Promise<void> {
    await this.db.deleteFrom("login_failures").where("key", "=", key).execute();
  }
}
