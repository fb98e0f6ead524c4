/**
 * The `messageId`s of one log seen within the de-duplication window, bounded: at most `max` ids,
 * each forgotten after `windowMs` (oldest first). Kept in memory: a restart forgets them.
 */
export class SeenMessages {
  /** Id → when it expires (insertion order is arrival order, so the oldest come first). */
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many ids are remembered. */
  get size(): number {
    return this.ids.size;
  }

  /** Whether `id` was seen within the window. */
  has(id: string): boolean {
    const until = this.ids.get(id);
    return until !== undefined && until > this.now();
  }

  /** Remembers `id` (evicting expired ids, then the oldest beyond `max`). */
  add(id: string): void {
    const t = this.now();
    this.ids.delete(id);
    this.ids.set(id, t + this.windowMs);
    for (const [k, until] of this.ids) {
      if (until > t && this.ids.size <= this.max) break;
      this.ids.delete(k);
    }
  }

  /** Forgets `id` (its events were not appended after all, so a retry must be accepted). */
  forget(id: string): void {
    this.ids.delete(id);
  }
}
