/** Longest a caller may wait for a change (seconds). */
export const MAX_WAIT_SECONDS = 30;
/** Most waiting callers per process; beyond it a wait answers at once (the client backs off). */
export const MAX_WAITERS = 1000;
/** How often a waiting caller re-reads the database (changes made by other server processes). */
const RECHECK_MS = 2000;

/**
 * Wakes callers waiting for a map's comments to change (long polling). Changes made in this
 * process wake waiters at once; changes made by another process are found by re-reading the
 * cursor every two seconds, so several servers behind one database need no extra channel.
 */
export class LiveChanges {
  private readonly waiters = new Map<string, Set<() => void>>();
  private count = 0;

  /** Wakes every caller waiting on `key`. */
  notify(key: string): void {
    const set = this.waiters.get(key);
    if (!set) return;
    this.waiters.delete(key);
    for (const wake of set) wake();
  }

  /**
   * Answers the cursor once it differs from `since`, or when `waitMs` passed, or `signal`
   * aborted, whichever comes first. `read` reads the current cursor.
   */
  async wait(key: string, since: string, waitMs: number, read: () => Promise<string>, signal?: AbortSignal) {
    let cursor = await read();
    if (cursor !== since || waitMs <= 0 || this.count >= MAX_WAITERS) return cursor;
    const deadline = Date.now() + waitMs;
    this.count++;
    try {
      while (cursor === since && Date.now() < deadline && !signal?.aborted) {
        await this.sleep(key, Math.min(RECHECK_MS, deadline - Date.now()), signal);
        cursor = await read();
      }
      return cursor;
    } finally {
      this.count--;
    }
  }

  /** Number of callers waiting now. */
  get waiting(): number {
    return this.count;
  }

  private sleep(key: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      set.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }
}
