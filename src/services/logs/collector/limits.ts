/**
 * Every limit of the live-events collector, in one place (docs/guide/live-events.md lists them;
 * collector tests pin them).
 */
export const COLLECTOR_LIMITS = {
  /** Largest JSON body of one event (`/v1/track`, `/v1/page`, `/v1/screen`), as Segment's API: 32 KB. */
  eventBytes: 32 * 1024,
  /** Largest JSON body of `/v1/batch`, as Segment's API: 500 KB. */
  batchBytes: 500 * 1024,
  /** Most events a batch may carry. */
  batchEvents: 2_500,
  /** Buffered events of one log that trigger an append at once. */
  flushEvents: 1_000,
  /** Longest an accepted event waits in the buffer before it is appended (ms). */
  flushMs: 500,
  /** Most events of one log accepted but not yet appended; beyond it requests get 429. */
  bufferedEvents: 10_000,
  /** Seconds a client is told to wait (Retry-After) when the buffer is full. */
  retryAfterSeconds: 1,
  /** How long a `messageId` is remembered for de-duplication (ms): 24 hours. */
  dedupWindowMs: 24 * 60 * 60 * 1000,
  /** Most `messageId`s remembered per log (the oldest are forgotten first). */
  dedupIds: 100_000,
  /** New ids of one log (in one process) after which its old ids are pruned. */
  dedupPruneIds: 10_000,
  /** Longest time between two prunes of a log's old ids while it receives events (ms). */
  dedupPruneMs: 60_000,
  /** Longest `messageId` accepted (characters). */
  messageIdChars: 200,
  /** Bad events listed in a refused batch's error (all are counted). */
  listedErrors: 20,
} as const;

/** Collector requests each write key may make per minute (`WAYLINE_COLLECTOR_RATE_LIMIT`, default 6000; 0 turns it off). */
export function collectorRateFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WAYLINE_COLLECTOR_RATE_LIMIT ?? "6000");
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 6000;
}
