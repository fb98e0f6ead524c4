import { type Kysely, sql } from "kysely";

/** Migration 0007: saved versions of maps (automatic, named, before a restore), each with its Y state. */
export async function createJourneyVersions(db: Kysely<unknown>, binary: string): Promise<void> {
  await db.schema
    .createTable("journey_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("map_version", "integer", (c) => c.notNull())
    .addColumn("ydoc", sql.raw(binary), (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("authors", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("journey_versions_journey")
    .on("journey_versions")
    .columns(["journey_id", "created_at"])
    .execute();
}

/** Row of `journey_versions`. */
export interface JourneyVersionRow {
  id: string;
  journey_id: string;
  workspace_id: string;
  /** "auto" (while people edit), "named" (saved with a label), "restore" (taken before a restore). */
  kind: string;
  label: string;
  /** The map's version number when the version was taken. */
  map_version: number;
  /** Full Yjs state of the map at that moment. */
  ydoc: Uint8Array;
  /** JourneyMap as JSON. */
  snapshot: string;
  /** Names of the people who edited since the previous version, as JSON. */
  authors: string;
  /** One line: what changed since the previous version. */
  summary: string;
  created_at: string;
}
