import { type Kysely, sql } from "kysely";

/**
 * `0008_token_names`: token names become unique (the rate-limit and revoke commands name tokens)
 * and tokens record when they were last used. Existing duplicates keep working: every copy after
 * the oldest is renamed `<name>-<id>` before the unique index is created.
 */
export async function uniqueTokenNames(db: Kysely<unknown>): Promise<void> {
  await sql`update api_tokens set name = name || '-' || cast(id as text)
    where id not in (select min(id) from api_tokens group by name)`.execute(db);
  await db.schema.createIndex("api_tokens_name_unique").on("api_tokens").column("name").unique().execute();
  await db.schema.alterTable("api_tokens").addColumn("last_used_at", "text").execute();
}
