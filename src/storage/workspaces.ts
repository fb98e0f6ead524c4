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

/** The workspace's settings object (`{}` when none were saved). */
export async function readWorkspaceSettings(db: Kysely<Database>, workspaceId: string): Promise<unknown> {
  const row = await db
    .selectFrom("workspaces")
    .select("settings")
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  return JSON.parse(row?.settings ?? "{}");
}

/** Replaces the workspace's settings (validated by the caller). */
export async function writeWorkspaceSettings(
  db: Kysely<Database>,
  workspaceId: string,
  settings: unknown,
): Promise<void> {
  await db
    .updateTable("workspaces")
    .set({ settings: JSON.stringify(settings) })
    .where("id", "=", workspaceId)
    .execute();
}
