import type { Kysely } from "kysely";

/**
 * `0013_map_access_and_token_workspaces`:
 * - a map can be restricted to named members: `journeys.restricted` (0/1) and
 *   `journeys.access_user_ids` (JSON array of user ids; owners and admins always see the map);
 * - API tokens belong to a workspace (`api_tokens.workspace_id`, existing tokens go to the default
 *   workspace they acted in) and their names are unique per workspace, no longer per server.
 */
export async function addMapAccessAndTokenWorkspaces(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("journeys")
    .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("journeys")
    .addColumn("access_user_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  // SQLite cannot add a column with a foreign key and a non-null default; workspaces are never
  // deleted, and a token of an unknown workspace authenticates nobody (accounts mode checks it).
  await db.schema
    .alterTable("api_tokens")
    .addColumn("workspace_id", "text", (c) => c.notNull().defaultTo("default"))
    .execute();
  await db.schema.dropIndex("api_tokens_name_unique").execute();
  await db.schema
    .createIndex("api_tokens_workspace_name_unique")
    .on("api_tokens")
    .columns(["workspace_id", "name"])
    .unique()
    .execute();
}
