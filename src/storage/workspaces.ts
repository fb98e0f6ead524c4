import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Id of the workspace a single-team install uses. */
export const DEFAULT_WORKSPACE_ID = "default";

/** Workspaces and their settings. */
export class WorkspaceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates the default workspace if it does not exist yet. */
  async ensureDefault(now: string): Promise<void> {
    await this.db
      .insertInto("workspaces")
      .values({ id: DEFAULT_WORKSPACE_ID, name: "My workspace", created_at: now })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }

  /**
   * The workspace named by `idOrName`: its id, else its name (case-insensitive). Null when none
   * matches; `ambiguous` lists the ids when several workspaces share the name.
   */
  async find(idOrName: string): Promise<{ id: string; name: string } | { ambiguous: string[] } | null> {
    const byId = await this.db
      .selectFrom("workspaces")
      .select(["id", "name"])
      .where("id", "=", idOrName)
      .executeTakeFirst();
    if (byId) return byId;
    const rows = await this.db.selectFrom("workspaces").select(["id", "name"]).execute();
    const named = rows.filter((r) => r.name.trim().toLowerCase() === idOrName.trim().toLowerCase());
    if (named.length > 1) return { ambiguous: named.map((r) => r.id) };
    return named[0] ?? null;
  }

  /** The workspace's settings object (`{}` when none were saved). */
  async settings(workspaceId: string): Promise<unknown> {
    const row = await this.db
      .selectFrom("workspaces")
      .select("settings")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return JSON.parse(row?.settings ?? "{}");
  }

  /** Replaces the workspace's settings (validated by the caller). */
  async saveSettings(workspaceId: string, settings: unknown): Promise<void> {
    await this.db
      .updateTable("workspaces")
      .set({ settings: JSON.stringify(settings) })
      .where("id", "=", workspaceId)
      .execute();
  }
}
