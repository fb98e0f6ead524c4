import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { addMapAccessAndTokenWorkspaces } from "./access-migration.ts";
import { createAccountTables } from "./account-migration.ts";
import { createCollectorKeys } from "./collector-keys.ts";
import { createCollectorMessages } from "./collector-messages.ts";
import type { Dialect } from "./dialect.ts";
import { createDiscussionTables } from "./discussion-migration.ts";
import { createPainLinks } from "./pain-links.ts";
import { createShareTables } from "./share-migration.ts";
import { uniqueTokenNames } from "./token-migration.ts";
import { createUploads } from "./uploads.ts";
import { createJourneyVersions } from "./versions-migration.ts";
import { createWebhookActivityTables } from "./webhooks-activity-migration.ts";
import { createWorkshops } from "./workshop-migration.ts";

/** The schema migrations, in order; names sort in application order. */
function migrations(dialect: Dialect): Record<string, Migration> {
  const binary = dialect === "postgres" ? "bytea" : "blob";
  return {
    "0001_initial": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("workspaces")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("personas")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("workspace_id", "text", (c) =>
            c.notNull().references("workspaces.id").onDelete("cascade"),
          )
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("data", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("journeys")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("workspace_id", "text", (c) =>
            c.notNull().references("workspaces.id").onDelete("cascade"),
          )
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("owner", "text", (c) => c.notNull())
          .addColumn("tags", "text", (c) => c.notNull())
          .addColumn("persona_ids", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("ydoc", sql.raw(binary), (c) => c.notNull())
          .addColumn("snapshot", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("journeys_workspace")
          .on("journeys")
          .columns(["workspace_id", "updated_at"])
          .execute();
        await db.schema
          .createTable("journey_changes")
          .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("reads", "text", (c) => c.notNull())
          .addColumn("writes", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("journey_changes_pk", ["journey_id", "version"])
          .execute();
        await db.schema
          .createTable("api_tokens")
          .addColumn("id", dialect === "postgres" ? "serial" : "integer", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("token_hash", "text", (c) => c.notNull().unique())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
      },
    },
    "0002_workspace_settings": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable("workspaces")
          .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
          .execute();
      },
    },
    "0003_event_logs": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("event_logs")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("workspace_id", "text", (c) =>
            c.notNull().references("workspaces.id").onDelete("cascade"),
          )
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("file_name", "text", (c) => c.notNull())
          .addColumn("stats", "text", (c) => c.notNull())
          .addColumn("report", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
      },
    },
    "0004_surveys": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("surveys")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("workspace_id", "text", (c) =>
            c.notNull().references("workspaces.id").onDelete("cascade"),
          )
          .addColumn("journey_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("responses", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
      },
    },
    "0005_event_log_engine": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable("event_logs")
          .addColumn("engine", "text", (c) => c.notNull().defaultTo("duckdb"))
          .execute();
      },
    },
    "0006_accounts": { up: (db: Kysely<unknown>) => createAccountTables(db) },
    "0007_journey_versions": { up: (db: Kysely<unknown>) => createJourneyVersions(db, binary) },
    "0008_token_names": { up: (db: Kysely<unknown>) => uniqueTokenNames(db) },
    "0009_share_links": { up: (db: Kysely<unknown>) => createShareTables(db) },
    "0010_comments_reviews_inbox": { up: (db: Kysely<unknown>) => createDiscussionTables(db) },
    "0012_uploads": { up: (db: Kysely<unknown>) => createUploads(db, binary) },
    "0013_map_access_and_token_workspaces": {
      up: (db: Kysely<unknown>) => addMapAccessAndTokenWorkspaces(db),
    },
    "0014_webhooks_activity": { up: (db: Kysely<unknown>) => createWebhookActivityTables(db) },
    "0015_workshops": { up: (db: Kysely<unknown>) => createWorkshops(db) },
    "0016_similar_pains": { up: (db: Kysely<unknown>) => createPainLinks(db) },
    "0017_collector_keys": { up: (db: Kysely<unknown>) => createCollectorKeys(db) },
    "0018_collector_messages": { up: (db: Kysely<unknown>) => createCollectorMessages(db) },
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations() {
    return migrations(this.dialect);
  }
}

/** Names of every migration, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations("sqlite")).sort();

async function run(
  db: Kysely<unknown>,
  dialect: Dialect,
  go: (m: Migrator) => ReturnType<Migrator["migrateToLatest"]>,
): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: on a
  // PostgreSQL server with another Wayline schema (tests run one per store) it would find theirs.
  const schema =
    dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await go(migrator);
  const failed = results?.find((r) => r.status === "Error");
  if (error)
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed: ${(error as Error).message}`);
  return (results ?? []).map((r) => r.migrationName);
}

/** Brings the schema up to date; throws with the failing migration's name. */
export function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  return run(db, dialect, (m) => m.migrateToLatest());
}

/** Migrates up to and including `name` (tests build databases of older levels with it). */
export function migrateTo(db: Kysely<unknown>, dialect: Dialect, name: string): Promise<string[]> {
  if (!MIGRATION_NAMES.includes(name)) throw new Error(`no migration named "${name}"`);
  return run(db, dialect, (m) => m.migrateTo(name));
}
