import type { LogEvent } from "../../../analytics/model.ts";
import { COLLECTOR_LIMITS } from "./limits.ts";

/** Where a buffer's events go: one append of a batch to the log. */
export type AppendSink = (events: LogEvent[]) => Promise<void>;

/** An event waiting for its append, with the message id to forget if the append fails. */
export interface Pending {
  event: LogEvent;
  messageId: string | undefined;
}

/**
 * The accepted, not yet appended events of one log. An append starts when `flushEvents` are
 * waiting or `flushMs` after the first one arrived, one append at a time; `accept` refuses
 * (returns false) when more than `bufferedEvents` would wait, so the caller answers 429.
 */
export class AppendBuffer {
  private waiting: Pending[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  /** Told about a failed append (its message ids are to be forgotten). */
  onFailed: ((batch: Pending[], error: unknown) => void | Promise<void>) | undefined;

  constructor(
    private readonly sink: AppendSink,
    private readonly limits: Pick<
      typeof COLLECTOR_LIMITS,
      "flushEvents" | "flushMs" | "bufferedEvents"
    > = COLLECTOR_LIMITS,
  ) {}

  /** Events accepted and not yet appended (waiting plus the append under way). */
  get size(): number {
    return this.waiting.length + this.inFlight;
  }

  /** Whether `n` more events would fit now. */
  hasRoom(n: number): boolean {
    return this.size + n <= this.limits.bufferedEvents;
  }

  /** Takes the events when there is room for all of them; false (nothing taken) otherwise. */
  accept(events: Pending[]): boolean {
    if (!this.hasRoom(events.length)) return false;
    this.waiting.push(...events);
    if (this.waiting.length >= this.limits.flushEvents) this.flushSoon(0);
    else this.flushSoon(this.limits.flushMs);
    return true;
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
    this.timer.unref?.();
  }

  /** Appends everything waiting now (after the append under way); resolves when done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.running.then(async () => {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.limits.flushEvents);
        this.inFlight = batch.length;
        try {
          await this.sink(batch.map((p) => p.event));
        } catch (e) {
          await this.onFailed?.(batch, e);
        } finally {
          this.inFlight = 0;
        }
      }
    });
    return this.running;
  }
}
