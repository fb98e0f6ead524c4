import type { UnitOfWork } from "../../storage/store.ts";
import type { StoredDelivery, StoredWebhook } from "../../storage/webhooks.ts";
import { retryDelayMs, type WebhookLimits } from "./limits.ts";
import { postOnce } from "./sender.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./signature.ts";

/**
 * Sends queued deliveries: every `pollMs` (and at once when kicked) it claims the due ones, POSTs
 * each with its signature, and records the attempt — success, a retry after an exponential
 * back-off, or failure after `maxAttempts`. The queue lives in the database: deliveries survive
 * a restart, and two processes on one database never send the same attempt twice (`claim`).
 */
export class WebhookDispatcher {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly store: UnitOfWork,
    private readonly limits: WebhookLimits,
    private readonly allowPrivate: boolean,
    private readonly clock: () => string,
  ) {}

  /** Starts polling; deliveries a stopped process left half-sent are queued again first. */
  async start(): Promise<void> {
    if (this.timer) return;
    const now = Date.parse(this.clock());
    const stale = new Date(now - 2 * this.limits.timeoutMs).toISOString();
    await this.store.webhooks.requeueStale(stale, new Date(now).toISOString());
    this.timer = setInterval(() => this.kick(), this.limits.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops polling and waits for the attempts in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Drains the queue now (after an event was queued); never two drains at once. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again);
      } catch (e) {
        console.error(`webhook queue: ${(e as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = await this.store.webhooks.due(this.clock(), this.limits.concurrency);
      if (due.length === 0) return;
      await Promise.all(due.map((d) => this.claimAndSend(d)));
    }
  }

  private async claimAndSend(d: StoredDelivery): Promise<void> {
    if (!(await this.store.webhooks.claim(d.id, this.clock()))) return;
    await this.attempt(d);
  }

  /** Makes one attempt of a claimed delivery and records it. */
  async attempt(d: StoredDelivery): Promise<StoredDelivery> {
    const hook = await this.store.webhooks.byId(d.webhookId);
    const at = this.clock();
    const result = hook ? await this.post(hook, d) : null;
    const attempts = d.attempts + 1;
    const ok = result !== null && result.error === null;
    const giveUp = !ok && (result === null || result.refused || attempts >= this.limits.maxAttempts);
    const settled: StoredDelivery = {
      ...d,
      status: ok ? "succeeded" : giveUp ? "failed" : "pending",
      attempts,
      nextAttemptAt:
        ok || giveUp
          ? null
          : new Date(Date.parse(this.clock()) + retryDelayMs(attempts, this.limits)).toISOString(),
      lastCode: result?.code ?? null,
      lastError: result ? result.error : "the webhook was deleted",
      lastDurationMs: result?.durationMs ?? 0,
      log: [
        ...d.log,
        {
          at,
          code: result?.code ?? null,
          error: result ? result.error : "deleted",
          durationMs: result?.durationMs ?? 0,
        },
      ].slice(-this.limits.maxAttempts),
    };
    await this.store.webhooks.settle(d.id, settled, this.clock());
    if (settled.status !== "pending") await this.store.webhooks.prune(d.webhookId, this.limits.logKeep);
    return settled;
  }

  private post(hook: StoredWebhook, d: StoredDelivery) {
    const t = Math.floor(Date.now() / 1000);
    return postOnce(
      new URL(hook.url),
      d.body,
      {
        "content-type": "application/json",
        "user-agent": "Wayline-Webhooks/1",
        "x-wayline-event": d.eventType,
        "x-wayline-delivery": d.id,
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(hook.secret, t, d.body),
      },
      this.limits,
      this.allowPrivate,
    );
  }
}
