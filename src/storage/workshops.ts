import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** A stored workshop session: its JSON and version (see `WorkshopRow`). */
export interface StoredWorkshop {
  mapId: string;
  workspaceId: string;
  version: number;
  /** The session as JSON text; the service parses it with `WorkshopSessionSchema`. */
  session: string;
  updatedAt: string;
}

/** Workshop sessions, one per map; every write is a compare-and-swap on `version`. */
export class WorkshopRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The session on a map of workspace `ws`, or null. */
  async get(ws: string, mapId: string): Promise<StoredWorkshop | null> {
    const r = await this.db
      .selectFrom("workshops")
      .selectAll()
      .where("journey_id", "=", mapId)
      .where("workspace_id", "=", ws)
      .executeTakeFirst();
    return r
      ? {
          mapId: r.journey_id,
          workspaceId: r.workspace_id,
          version: Number(r.version),
          session: r.session,
          updatedAt: r.updated_at,
        }
      : null;
  }

  /** Version of the session on a map (0 when there is none): what live clients wait on. */
  async versionOf(ws: string, mapId: string): Promise<number> {
    return (await this.get(ws, mapId))?.version ?? 0;
  }

  /**
   * Stores `session` as version `expected + 1` if the stored version is still `expected`
   * (0 = no session yet: inserts). False when someone else wrote first (or a session exists).
   * Versions keep growing across sessions of a map (`expected` of an insert may be above 0).
   */
  async put(ws: string, mapId: string, expected: number, session: string, now: string): Promise<boolean> {
    const exists = await this.db
      .selectFrom("workshops")
      .select("version")
      .where("journey_id", "=", mapId)
      .executeTakeFirst();
    if (!exists) {
      const inserted = await this.db
        .insertInto("workshops")
        .values({ journey_id: mapId, workspace_id: ws, version: expected + 1, session, updated_at: now })
        .onConflict((oc) => oc.column("journey_id").doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const r = await this.db
      .updateTable("workshops")
      .set({ version: expected + 1, session, updated_at: now })
      .where("journey_id", "=", mapId)
      .where("workspace_id", "=", ws)
      .where("version", "=", expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
