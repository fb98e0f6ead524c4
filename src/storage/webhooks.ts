import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";
import type { WebhookDeliveryRow, WebhookRow } from "./webhooks-activity-migration.ts";

/** Body formats a webhook can receive. */
export type WebhookFormat = "json" | "slack";

/** A stored webhook (the secret included: only the delivery code reads it). */
export interface StoredWebhook {
  id: string;
  workspaceId: string;
  url: string;
  secret: string;
  events: string[];
  format: WebhookFormat;
  enabled: boolean;
  description: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One attempt of a delivery, as the delivery log shows it. */
export interface DeliveryAttempt {
  /** When the attempt started (ISO 8601). */
  at: string;
  /** HTTP status, or null when no answer came. */
  code: number | null;
  /** Why it failed; null on success. */
  error: string | null;
  durationMs: number;
}

/** Where a delivery is: waiting, being sent, done or given up. */
export type DeliveryStatus = "pending" | "sending" | "succeeded" | "failed";

/** A stored delivery. */
export interface StoredDelivery {
  id: string;
  webhookId: string;
  eventType: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  log: DeliveryAttempt[];
  createdAt: string;
  updatedAt: string;
}

const webhookOf = (r: WebhookRow): StoredWebhook => ({
  id: r.id,
  workspaceId: r.workspace_id,
  url: r.url,
  secret: r.secret,
  events: JSON.parse(r.events),
  format: r.format === "slack" ? "slack" : "json",
  enabled: Number(r.enabled) === 1,
  description: r.description,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const deliveryOf = (r: WebhookDeliveryRow): StoredDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventType: r.event_type,
  body: r.body,
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastCode: r.last_code === null ? null : Number(r.last_code),
  lastError: r.last_error,
  lastDurationMs: r.last_duration_ms === null ? null : Number(r.last_duration_ms),
  log: JSON.parse(r.log),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What changes on a webhook (the secret only through `rotate`). */
export type WebhookPatch = Partial<
  Pick<StoredWebhook, "url" | "events" | "format" | "enabled" | "description">
>;

/** Webhooks of workspaces and their delivery queue and log. */
export class WebhookRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(w: StoredWebhook): Promise<void> {
    await this.db
      .insertInto("webhooks")
      .values({
        id: w.id,
        workspace_id: w.workspaceId,
        url: w.url,
        secret: w.secret,
        events: JSON.stringify(w.events),
        format: w.format,
        enabled: w.enabled ? 1 : 0,
        description: w.description,
        created_by: w.createdBy,
        created_at: w.createdAt,
        updated_at: w.updatedAt,
      })
      .execute();
  }

  /** The workspace's webhooks, oldest first. */
  async list(ws: string): Promise<StoredWebhook[]> {
    const rows = await this.db
      .selectFrom("webhooks")
      .selectAll()
      .where("workspace_id", "=", ws)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(webhookOf);
  }

  /** One webhook of the workspace, or null (another workspace's id answers null too). */
  async get(ws: string, id: string): Promise<StoredWebhook | null> {
    const r = await this.db
      .selectFrom("webhooks")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? webhookOf(r) : null;
  }

  /** A webhook by id alone (the dispatcher, which works across workspaces). */
  async byId(id: string): Promise<StoredWebhook | null> {
    const r = await this.db.selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? webhookOf(r) : null;
  }

  /** Changes a webhook; false when it is not in the workspace. */
  async update(ws: string, id: string, p: WebhookPatch & { secret?: string }, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable("webhooks")
      .set({
        ...(p.url !== undefined ? { url: p.url } : {}),
        ...(p.events !== undefined ? { events: JSON.stringify(p.events) } : {}),
        ...(p.format !== undefined ? { format: p.format } : {}),
        ...(p.enabled !== undefined ? { enabled: p.enabled ? 1 : 0 } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.secret !== undefined ? { secret: p.secret } : {}),
        updated_at: now,
      })
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Deletes a webhook with its deliveries; false when it is not in the workspace. */
  async delete(ws: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("webhooks")
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Queues a delivery. */
  async enqueue(d: StoredDelivery): Promise<void> {
    await this.db
      .insertInto("webhook_deliveries")
      .values({
        id: d.id,
        webhook_id: d.webhookId,
        event_type: d.eventType,
        body: d.body,
        status: d.status,
        attempts: d.attempts,
        next_attempt_at: d.nextAttemptAt,
        last_code: d.lastCode,
        last_error: d.lastError,
        last_duration_ms: d.lastDurationMs,
        log: JSON.stringify(d.log),
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      })
      .execute();
  }

  /** Deliveries due at `now`, oldest first, at most `limit`. */
  async due(now: string, limit: number): Promise<StoredDelivery[]> {
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(deliveryOf);
  }

  /**
   * Claims a due delivery for one sender (`pending` → `sending`); false when another sender (a
   * second server process on the same database) claimed it first.
   */
  async claim(id: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable("webhook_deliveries")
      .set({ status: "sending", updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Puts deliveries left `sending` by a process that stopped back in the queue (at start). */
  async requeueStale(before: string, now: string): Promise<number> {
    const r = await this.db
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: now, updated_at: now })
      .where("status", "=", "sending")
      .where("updated_at", "<", before)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Records the outcome of an attempt. */
  async settle(
    id: string,
    s: Pick<
      StoredDelivery,
      "status" | "attempts" | "nextAttemptAt" | "lastCode" | "lastError" | "lastDurationMs" | "log"
    >,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable("webhook_deliveries")
      .set({
        status: s.status,
        attempts: s.attempts,
        next_attempt_at: s.nextAttemptAt,
        last_code: s.lastCode,
        last_error: s.lastError,
        last_duration_ms: s.lastDurationMs,
        log: JSON.stringify(s.log),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
  }

  /** One delivery by id. */
  async delivery(id: string): Promise<StoredDelivery | null> {
    const r = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? deliveryOf(r) : null;
  }

  /** A webhook's deliveries, newest first, at most `limit`. */
  async deliveries(webhookId: string, limit: number): Promise<StoredDelivery[]> {
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("webhook_id", "=", webhookId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(deliveryOf);
  }

  /** Deletes a webhook's finished deliveries beyond the newest `keep` (the log's bound). */
  async prune(webhookId: string, keep: number): Promise<number> {
    const kept = await this.db
      .selectFrom("webhook_deliveries")
      .select("id")
      .where("webhook_id", "=", webhookId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(keep)
      .execute();
    let q = this.db
      .deleteFrom("webhook_deliveries")
      .where("webhook_id", "=", webhookId)
      .where("status", "in", ["succeeded", "failed"]);
    if (kept.length > 0)
      q = q.where(
        "id",
        "not in",
        kept.map((k) => k.id),
      );
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
