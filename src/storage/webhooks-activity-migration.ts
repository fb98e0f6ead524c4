import type { Kysely } from "kysely";

/**
 * Migration 0014: outgoing webhooks with their delivery queue (deliveries wait in the database,
 * so a restart loses none), and the activity log of maps (who changed what, in words).
 */
export async function createWebhookActivityTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhooks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("webhooks_workspace").on("webhooks").columns(["workspace_id"]).execute();
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("webhook_id", "text", (c) => c.notNull().references("webhooks.id").onDelete("cascade"))
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text")
    .addColumn("last_code", "integer")
    .addColumn("last_error", "text")
    .addColumn("last_duration_ms", "integer")
    .addColumn("log", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_webhook")
    .on("webhook_deliveries")
    .columns(["webhook_id", "created_at"])
    .execute();
  await db.schema
    .createTable("activity")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("journey_id", "text", (c) => c.notNull())
    .addColumn("map_title", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("actor_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("activity_workspace")
    .on("activity")
    .columns(["workspace_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("activity_journey")
    .on("activity")
    .columns(["journey_id", "created_at", "id"])
    .execute();
}

/** Row of `webhooks`: one outgoing webhook of a workspace. */
export interface WebhookRow {
  id: string;
  workspace_id: string;
  /** Where deliveries are POSTed (http or https). */
  url: string;
  /** The HMAC-SHA256 signing key; shown once at creation, never answered again. */
  secret: string;
  /** WaylineEventType[] as JSON: the events it receives. */
  events: string;
  /** "json" (the Wayline payload) or "slack" (`{text, blocks}`). */
  format: string;
  /** 1 when deliveries are made, 0 when paused. */
  enabled: number;
  /** What it is for, shown in the list. */
  description: string;
  /** Who created it (user id or identity name). */
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Row of `webhook_deliveries`: one event to deliver to one webhook, with its attempts so far. */
export interface WebhookDeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  /** The exact body POSTed (the signature covers it). */
  body: string;
  /** "pending" (waiting for `next_attempt_at`), "sending", "succeeded" or "failed" (gave up). */
  status: string;
  /** Attempts made. */
  attempts: number;
  /** When the next attempt is due (pending only). */
  next_attempt_at: string | null;
  /** HTTP status of the last attempt (null: no answer). */
  last_code: number | null;
  /** Why the last attempt failed (timeout, refused address, status …). */
  last_error: string | null;
  last_duration_ms: number | null;
  /** DeliveryAttempt[] as JSON (at most the attempt limit). */
  log: string;
  created_at: string;
  updated_at: string;
}

/** Row of `activity`: one change of a map, in words. */
export interface ActivityRow {
  id: string;
  workspace_id: string;
  journey_id: string;
  map_title: string;
  /** EventActor as JSON. */
  actor: string;
  /** `authorKey` of the actor ("system" for Wayline itself): the member filter. */
  actor_key: string;
  /** What kind of change, e.g. "stage.renamed", "card.edited". */
  kind: string;
  /** The changed entity (card, stage, lane … id; the map id for map properties). */
  entity_id: string;
  /** The change in words, e.g. "renamed stage “Arrival” → “Finding the place”". */
  summary: string;
  /** ActivityDetail as JSON (from/to texts, for coalescing). */
  detail: string;
  /** When the change was first made. */
  created_at: string;
  /** When an entry coalesced later edits last (text edits of one card within a minute). */
  updated_at: string;
}

/** The tables of migration 0014. */
export interface WebhookActivityTables {
  webhooks: WebhookRow;
  webhook_deliveries: WebhookDeliveryRow;
  activity: ActivityRow;
}
