/** Every bound of outgoing webhooks (docs/guide/teams.md "Webhooks"); tests shorten the delays. */
export interface WebhookLimits {
  /** Most webhooks one workspace may have. */
  maxWebhooks: number;
  /** Attempts per delivery, the first included; then it is marked failed. */
  maxAttempts: number;
  /** Wait before the second attempt (ms); doubled before each later one. */
  baseDelayMs: number;
  /** Longest wait between two attempts (ms). */
  maxDelayMs: number;
  /** Whole-request bound of one attempt: connect, send, status and body (ms). */
  timeoutMs: number;
  /** Bytes of a receiver's answer that are read (the rest is dropped, the socket closed). */
  maxResponseBytes: number;
  /** Deliveries kept in each webhook's log (older finished ones are deleted). */
  logKeep: number;
  /** How often the queue is checked for due deliveries (ms). */
  pollMs: number;
  /** Deliveries sent at the same time by one process. */
  concurrency: number;
}

/** The defaults: 6 attempts over about 5 hours (10 s, 20 s, 40 s … capped at 1 h), 10 s per request. */
export const WEBHOOK_LIMITS: WebhookLimits = {
  maxWebhooks: 20,
  maxAttempts: 6,
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  timeoutMs: 10_000,
  maxResponseBytes: 64 * 1024,
  logKeep: 50,
  pollMs: 5_000,
  concurrency: 4,
};

/** The wait before attempt `attempt + 1`, after `attempt` failed ones (exponential, capped). */
export function retryDelayMs(attempt: number, limits: WebhookLimits): number {
  return Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
