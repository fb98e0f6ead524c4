import type { CollectorMessageRepository } from "../../../storage/collector-messages.ts";
import { COLLECTOR_LIMITS } from "./limits.ts";

/** The de-duplication limits the ledger applies. */
export type DedupLimits = Record<"dedupWindowMs" | "dedupIds" | "dedupPruneIds" | "dedupPruneMs", number>;

/**
 * The `messageId`s each log took, in the database (table `collector_messages`): shared by every
 * server process on it and kept across restarts. An id is a duplicate while it is within the
 * window (`dedupWindowMs`) and among the newest `dedupIds` of its log; older rows are pruned
 * after every `dedupPruneIds` ids this process took for the log, or `dedupPruneMs` after the last
 * prune (whichever comes first), so a log keeps at most about `dedupIds + dedupPruneIds` rows
 * per process writing to it.
 */
export class MessageLedger {
  /** Per log: ids taken since the last prune, and when it ran (ms). */
  private readonly sincePrune = new Map<string, { ids: number; at: number }>();

  constructor(
    private readonly repo: () => CollectorMessageRepository,
    private readonly now: () => number,
    private readonly limits: DedupLimits = COLLECTOR_LIMITS,
  ) {}

  /** Takes the distinct `ids` for the log; returns the ones that are not duplicates. */
  async claim(logId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const t = this.now();
    const at = new Date(t).toISOString();
    const since = new Date(t - this.limits.dedupWindowMs).toISOString();
    const taken = await this.repo().claim(logId, ids, at, since);
    await this.pruneIfDue(logId, taken.size, t, since);
    return taken;
  }

  /** Gives ids back (their events were not appended, so a retry must be accepted). */
  async release(logId: string, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.repo().release(logId, ids);
  }

  private async pruneIfDue(logId: string, added: number, t: number, since: string): Promise<void> {
    const s = this.sincePrune.get(logId) ?? { ids: 0, at: t };
    s.ids += added;
    this.sincePrune.set(logId, s);
    if (s.ids < this.limits.dedupPruneIds && t - s.at < this.limits.dedupPruneMs) return;
    this.sincePrune.set(logId, { ids: 0, at: t });
    await this.repo().prune(logId, since, this.limits.dedupIds);
  }
}
