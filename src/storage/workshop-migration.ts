import type { Kysely } from "kysely";

/**
 * Row of `workshops`: the workshop session of a map (at most one), as JSON
 * (`WorkshopSessionSchema`, ballots included — never sent to clients as is), `null` once ended. `version` grows
 * with every change: writers compare and swap on it, and live clients wait for it to change.
 */
export interface WorkshopRow {
  journey_id: string;
  workspace_id: string;
  version: number;
  session: string;
  updated_at: string;
}

/** The table of migration 0015, merged into `Database`. */
export interface WorkshopTables {
  workshops: WorkshopRow;
}

/** Migration 0015: one workshop session per map (timer, agenda, follow request, secret ballots). */
export async function createWorkshops(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workshops")
    .addColumn("journey_id", "text", (c) => c.primaryKey().references("journeys.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("session", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
