import { randomBytes } from "node:crypto";
import { newId, WaylineError } from "../../domain/index.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { StoredDelivery, StoredWebhook, WebhookFormat } from "../../storage/webhooks.ts";
import type { EventActor, EventBus, WaylineEvent } from "../events/events.ts";
import { allowPrivateFromEnv, checkWebhookUrl } from "./address-guard.ts";
import { WebhookDispatcher } from "./dispatcher.ts";
import { WEBHOOK_LIMITS, type WebhookLimits } from "./limits.ts";
import { bodyOf, type DeliveredEvent, TEST_EVENT } from "./payload.ts";

/** A webhook as the API answers it: never its secret. */
export type WebhookView = Omit<StoredWebhook, "secret" | "workspaceId">;

/** A delivery as the log shows it. */
export type DeliveryView = StoredDelivery;

/** A new webhook and its secret, which is answered this once. */
export interface CreatedWebhook {
  webhook: WebhookView;
  /** The signing secret (`whsec_…`): shown once, store it in the receiver. */
  secret: string;
}

/** What a webhook is made of (the secret is made by Wayline). */
export interface WebhookInput {
  url: string;
  events: string[];
  format: WebhookFormat;
  description: string;
  enabled: boolean;
}

/** Options of the service (tests shorten the delays and allow the loopback receiver). */
export interface WebhookOptions {
  limits?: WebhookLimits;
  /** Allow loopback and private addresses (default from WAYLINE_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
}

const viewOf = ({ secret: _s, workspaceId: _w, ...w }: StoredWebhook): WebhookView => w;
const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * Outgoing webhooks of workspaces: a delivery is queued (in the database) for every event of the
 * bus that a webhook of the event's workspace chose, and sent by the dispatcher once the server
 * runs `start()` (the CLI only queues; the server sends).
 */
export class WebhookService {
  readonly limits: WebhookLimits;
  private readonly allowPrivate: boolean;
  private readonly dispatcher: WebhookDispatcher;
  private started = false;

  constructor(
    private readonly store: UnitOfWork,
    events: EventBus,
    private readonly clock: () => string = () => new Date().toISOString(),
    opts: WebhookOptions = {},
  ) {
    this.limits = opts.limits ?? WEBHOOK_LIMITS;
    this.allowPrivate = opts.allowPrivate ?? allowPrivateFromEnv();
    this.dispatcher = new WebhookDispatcher(store, this.limits, this.allowPrivate, clock);
    events.subscribe((e) => this.enqueueEvent(e));
  }

  /** Starts sending queued deliveries (the server; idempotent). */
  async start(): Promise<void> {
    this.started = true;
    await this.dispatcher.start();
  }

  /** Stops sending and waits for attempts in flight. */
  async stop(): Promise<void> {
    this.started = false;
    await this.dispatcher.stop();
  }

  /** Sends what is due now (tests; the server also polls). */
  flush(): Promise<void> {
    return this.dispatcher.kick();
  }

  async list(ws: string): Promise<WebhookView[]> {
    return (await this.store.webhooks.list(ws)).map(viewOf);
  }

  async get(ws: string, id: string): Promise<WebhookView> {
    return viewOf(await this.mustGet(ws, id));
  }

  async create(ws: string, input: WebhookInput, createdBy: string): Promise<CreatedWebhook> {
    checkWebhookUrl(input.url, this.allowPrivate);
    if ((await this.store.webhooks.list(ws)).length >= this.limits.maxWebhooks)
      throw new WaylineError("conflict", `a workspace has at most ${this.limits.maxWebhooks} webhooks`);
    const now = this.clock();
    const hook: StoredWebhook = {
      id: newId(),
      workspaceId: ws,
      ...input,
      events: [...new Set(input.events)],
      secret: newSecret(),
      createdBy,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.webhooks.insert(hook);
    return { webhook: viewOf(hook), secret: hook.secret };
  }

  async update(ws: string, id: string, patch: Partial<WebhookInput>): Promise<WebhookView> {
    if (patch.url !== undefined) checkWebhookUrl(patch.url, this.allowPrivate);
    const events = patch.events ? [...new Set(patch.events)] : undefined;
    const ok = await this.store.webhooks.update(
      ws,
      id,
      { ...patch, ...(events ? { events } : {}) },
      this.clock(),
    );
    if (!ok) throw notFound(id);
    return this.get(ws, id);
  }

  /** A new secret (the old one stops signing at once); answered this once. */
  async rotateSecret(ws: string, id: string): Promise<CreatedWebhook> {
    const secret = newSecret();
    if (!(await this.store.webhooks.update(ws, id, { secret }, this.clock()))) throw notFound(id);
    return { webhook: await this.get(ws, id), secret };
  }

  async delete(ws: string, id: string): Promise<void> {
    if (!(await this.store.webhooks.delete(ws, id))) throw notFound(id);
  }

  /** The delivery log of a webhook, newest first. */
  async deliveries(ws: string, id: string, limit = 50): Promise<DeliveryView[]> {
    await this.mustGet(ws, id);
    return this.store.webhooks.deliveries(id, Math.min(limit, this.limits.logKeep));
  }

  /** "Send test": queues a test delivery and makes its first attempt now; answers it after that attempt. */
  async sendTest(ws: string, id: string, actor: EventActor): Promise<DeliveryView> {
    const hook = await this.mustGet(ws, id);
    const event: DeliveredEvent = {
      type: TEST_EVENT,
      workspaceId: ws,
      webhookId: id,
      at: this.clock(),
      actor,
    };
    const d = await this.enqueue(hook, event);
    if (!(await this.store.webhooks.claim(d.id, this.clock()))) return d;
    return this.dispatcher.attempt(d);
  }

  private async enqueueEvent(e: WaylineEvent): Promise<void> {
    const hooks = (await this.store.webhooks.list(e.workspaceId)).filter(
      (h) => h.enabled && h.events.includes(e.type),
    );
    for (const h of hooks) await this.enqueue(h, e);
    if (hooks.length > 0 && this.started) void this.dispatcher.kick();
  }

  private async enqueue(hook: StoredWebhook, e: DeliveredEvent): Promise<StoredDelivery> {
    const now = this.clock();
    const id = newId();
    const d: StoredDelivery = {
      id,
      webhookId: hook.id,
      eventType: e.type,
      body: bodyOf(id, e, hook.format),
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      lastCode: null,
      lastError: null,
      lastDurationMs: null,
      log: [],
      createdAt: now,
      updatedAt: now,
    };
    await this.store.webhooks.enqueue(d);
    return d;
  }

  private async mustGet(ws: string, id: string): Promise<StoredWebhook> {
    const hook = await this.store.webhooks.get(ws, id);
    if (!hook) throw notFound(id);
    return hook;
  }
}

const notFound = (id: string) => new WaylineError("not_found", `no webhook with id "${id}"`);
