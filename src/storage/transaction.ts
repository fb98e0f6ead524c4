import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Runs `work` in a transaction: the executor's own when it already is one (repositories handed
 * out by `store.transaction` share it), otherwise a new one. Kysely cannot nest transactions, and
 * on SQLite a second transaction on the same connection would wait for the first forever.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
