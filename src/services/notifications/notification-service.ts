import { newId } from "../../domain/index.ts";
import { withEveryMap } from "../../storage/map-visibility.ts";
import type { Member } from "../../storage/members.ts";
import type { StoredNotification } from "../../storage/notifications.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { EventBus } from "../events/events.ts";
import type { JourneyService } from "../journey-service.ts";
import type { AttentionService } from "../portfolio/attention-service.ts";
import { notificationsFor } from "./rules.ts";
import { sweepEvents } from "./sweep.ts";

/** Most items one inbox page answers. */
export const MAX_INBOX_PAGE = 200;
/** Least time between two sweeps of one workspace (ms). */
export const SWEEP_EVERY_MS = 60_000;

/** An inbox item as the API answers it. */
export type InboxItem = Omit<StoredNotification, "recipient" | "dedupeKey"> & {
  /** Where the item opens: the map, focused on the thread, card or review. */
  link: string;
};

/** The inbox of one member in one workspace. */
export interface InboxView {
  items: InboxItem[];
  unread: number;
}

/**
 * The in-app inbox: subscribes to the event bus and stores one item per recipient the rules name;
 * sweeps (pain points assigned or overdue, maps due for review) derive events from the maps.
 */
export class NotificationService {
  private readonly swept = new Map<string, number>();

  constructor(
    private readonly store: UnitOfWork,
    events: EventBus,
    private readonly journeys: JourneyService,
    private readonly attention: AttentionService,
    private readonly clock: () => string = () => new Date().toISOString(),
    private readonly publish: EventBus["publish"] = (e) => events.publish(e),
  ) {
    events.subscribe(async (e) => {
      for (const d of notificationsFor(e))
        await this.store.notifications.insert(e.workspaceId, {
          ...d,
          id: newId(),
          journeyId: e.journeyId,
          mapTitle: e.mapTitle,
          createdAt: e.at,
          readAt: null,
        });
    });
  }

  /** A member's inbox, newest first (swept first, at most once a minute per workspace). */
  async list(
    ws: string,
    recipient: string,
    opts: { unreadOnly?: boolean; limit?: number } = {},
  ): Promise<InboxView> {
    await this.sweep(ws);
    const limit = Math.min(opts.limit ?? 50, MAX_INBOX_PAGE);
    // Items about maps restricted away from the caller are not shown (nor counted).
    const hiddenMaps = await this.store.journeys.hiddenIds(ws);
    const items = await this.store.notifications.list(ws, recipient, {
      unreadOnly: opts.unreadOnly ?? false,
      limit,
      hiddenMaps,
    });
    return {
      items: items.map(({ recipient: _r, dedupeKey: _d, ...n }) => ({ ...n, link: linkOf(n.target) })),
      unread: await this.store.notifications.unread(ws, recipient, hiddenMaps),
    };
  }

  /** Number of unread items (the top bar's badge). */
  async unread(ws: string, recipient: string): Promise<number> {
    await this.sweep(ws);
    return this.store.notifications.unread(ws, recipient, await this.store.journeys.hiddenIds(ws));
  }

  /** Marks the recipient's items (or all of them) read or unread; answers the unread count after. */
  async mark(ws: string, recipient: string, ids: readonly string[] | "all", read: boolean): Promise<number> {
    await this.store.notifications.mark(ws, recipient, ids, read, this.clock());
    return this.store.notifications.unread(ws, recipient);
  }

  /**
   * Derives the events the maps imply (a member named owner of a pain point, a pain point of
   * theirs overdue, a map of theirs due for review) and publishes those not told before.
   * `force` skips the once-a-minute throttle (tests, the CLI).
   */
  async sweep(ws: string, force = false): Promise<number> {
    // Sweeps derive every member's items: they read every map, whoever's request runs them.
    return withEveryMap(() => this.sweepAll(ws, force));
  }

  private async sweepAll(ws: string, force: boolean): Promise<number> {
    const now = Date.parse(this.clock());
    const last = this.swept.get(ws);
    if (!force && last !== undefined && now - last < SWEEP_EVERY_MS) return 0;
    this.swept.set(ws, now);
    const members: Member[] = await this.store.members.list(ws);
    if (members.length === 0) return 0;
    const report = await this.attention.list(ws);
    let told = 0;
    for (const { event, key } of await sweepEvents(ws, this.journeys, members, report, this.clock())) {
      if (await this.store.notifications.hasKey(key)) continue;
      await this.publish(event);
      told++;
    }
    return told;
  }
}

/** The app path an item opens: `/maps/<id>` with the thread, card or review to focus. */
export function linkOf(t: StoredNotification["target"]): string {
  const q = new URLSearchParams();
  if (t.threadId) q.set("thread", t.threadId);
  if (t.cardId) q.set("card", t.cardId);
  if (t.reviewId) q.set("review", t.reviewId);
  const s = q.toString();
  return `/maps/${encodeURIComponent(t.journeyId)}${s ? `?${s}` : ""}`;
}
