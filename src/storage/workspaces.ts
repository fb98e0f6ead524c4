import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Id of the workspace a single-team install uses. */
export const DEFAULT_WORKSPACE_ID = "default";

/** Creates the default workspace if it does not exist yet. */
export async function ensureDefaultWorkspace(db: Kysely<Database>, now: string): Promise<void> {
  const found = await db
    .selectFrom("workspaces")
    .select("id")
    .where("id", "=", DEFAULT_WORKSPACE_ID)
    .executeTakeFirst();
  if (found) return;
  await db
    .insertInto("workspaces")
    .values({ id: DEFAULT_WORKSPACE_ID, name: "My workspace", created_at: now })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}
