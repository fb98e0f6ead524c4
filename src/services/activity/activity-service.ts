import { authorKey } from "../../domain/comments/index.ts";
import { type JourneyMap, newId, WaylineError } from "../../domain/index.ts";
import type {
  ActivityActor,
  ActivityCursor,
  ActivityFilter,
  StoredActivity,
} from "../../storage/activity.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { EventBus } from "../events/events.ts";
import { diffMaps, type MapChange, quote, summaryOf } from "./map-diff.ts";

/** Edits of one item by one person within this window are one entry (keystroke-level live edits). */
export const COALESCE_MS = 60_000;
/** Most entries one page answers. */
export const MAX_ACTIVITY_PAGE = 200;
/** Least time between two retention runs of one workspace (ms). */
export const PRUNE_EVERY_MS = 10 * 60_000;

/** How long entries are kept: days, and most entries per workspace. */
export interface ActivityRetention {
  days: number;
  maxEntries: number;
}

/**
 * Retention from the environment: `WAYLINE_ACTIVITY_RETENTION_DAYS` (default 365, 1…3650) and
 * `WAYLINE_ACTIVITY_MAX_ENTRIES` per workspace (default 100 000, 100…10 000 000).
 */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): ActivityRetention {
  const pick = (v: string | undefined, d: number, min: number, max: number) => {
    const n = Number(v);
    return v && Number.isInteger(n) && n >= min && n <= max ? n : d;
  };
  return {
    days: pick(env.WAYLINE_ACTIVITY_RETENTION_DAYS, 365, 1, 3650),
    maxEntries: pick(env.WAYLINE_ACTIVITY_MAX_ENTRIES, 100_000, 100, 10_000_000),
  };
}

/** An entry as the API answers it. */
export type ActivityEntry = Omit<StoredActivity, "workspaceId" | "detail"> & {
  /** Display name of the actor ("Wayline" for the system). */
  actorName: string;
};

/** One page of entries; `nextCursor` continues after the last one (null: no more). */
export interface ActivityPage {
  entries: ActivityEntry[];
  nextCursor: string | null;
}

/** The opaque cursor of a page: base64url of `[createdAt, id]`. */
export function encodeCursor(c: ActivityCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString("base64url");
}

/** Reads a cursor; `invalid_request` located at `cursor` when it is not one this server made. */
export function decodeCursor(s: string): ActivityCursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string")
      return { createdAt: v[0], id: v[1] };
  } catch {
    // falls through to the located error
  }
  throw new WaylineError("invalid_request", "cursor: not a cursor of this listing", {
    problems: [{ path: "cursor", message: "not a cursor of this listing" }],
  });
}

let sequence = 0;
/**
 * Entry ids sort in the order entries were made (time, then a process counter, then randomness
 * against other processes), so entries of one edit, which share a time, list in a stable order.
 */
function entryId(at: string): string {
  sequence = (sequence + 1) % 36 ** 6;
  const time = Date.parse(at).toString(36).padStart(9, "0");
  return `${time}${sequence.toString(36).padStart(6, "0")}${newId().slice(0, 8)}`;
}

const actorKeyOf = (a: ActivityActor) => (a.kind === "system" ? "system" : authorKey(a));
const actorNameOf = (a: ActivityActor) =>
  a.kind === "system" ? "Wayline" : a.kind === "member" ? a.name : `${a.guestName} (guest)`;

/**
 * The activity log: every stored change of a map, in words, with who made it. Fed by the map
 * write path (REST and CLI through `JourneyService`, live edits through the collaboration
 * server); each new entry is published as a `map.changed` event (webhooks subscribe).
 */
export class ActivityService {
  private readonly pruned = new Map<string, number>();

  constructor(
    private readonly store: UnitOfWork,
    private readonly events: EventBus,
    private readonly clock: () => string = () => new Date().toISOString(),
    private readonly retention: ActivityRetention = retentionFromEnv(),
  ) {}

  /** Records what changed from `before` to `after` as `actor`'s; answers the entries written or revised. */
  async recordDiff(
    ws: string,
    before: JourneyMap | null,
    after: JourneyMap | null,
    actor: ActivityActor,
  ): Promise<number> {
    if (before && after) return this.recordChanges(ws, after, actor, diffMaps(before, after));
    const map = after ?? before;
    if (!map) return 0;
    const [kind, verb] = after ? ["map.created", "created"] : ["map.deleted", "deleted"];
    const change = { kind, entityId: map.id, summary: `${verb} the map ${quote(map.title)}`, detail: {} };
    return this.recordChanges(ws, map, actor, [change]);
  }

  /** Records changes of `map` (already in words, e.g. one author's share of a live flush) as `actor`'s. */
  async recordChanges(
    ws: string,
    map: JourneyMap,
    actor: ActivityActor,
    changes: MapChange[],
  ): Promise<number> {
    if (changes.length === 0) return 0;
    const who = await this.named(ws, actor);
    for (const change of changes) await this.record(ws, map, who, change);
    await this.prune(ws);
    return changes.length;
  }

  /** A member shown by their member name (a live connection knows only the account's email). */
  private async named(ws: string, actor: ActivityActor): Promise<ActivityActor> {
    if (actor.kind !== "member") return actor;
    const m = (await this.store.members.list(ws)).find((x) => x.userId === actor.userId);
    return m?.name ? { ...actor, name: m.name } : actor;
  }

  /** Stores one change, folded into the actor's entry for the same item and kind within `COALESCE_MS`. */
  private async record(ws: string, map: JourneyMap, actor: ActivityActor, change: MapChange): Promise<void> {
    const at = this.clock();
    const key = actorKeyOf(actor);
    const since = new Date(Date.parse(at) - COALESCE_MS).toISOString();
    const prior = await this.store.activity.latestOf(map.id, key, change.kind, change.entityId, since);
    if (prior) {
      const detail =
        prior.detail.from !== undefined && change.detail.to !== undefined
          ? { ...change.detail, from: prior.detail.from }
          : change.detail;
      const summary = detail.lead !== undefined ? summaryOf(detail as never) : change.summary;
      await this.store.activity.revise(prior.id, summary, detail, at);
      return;
    }
    const entry: StoredActivity = {
      id: entryId(at),
      workspaceId: ws,
      journeyId: map.id,
      mapTitle: map.title,
      actor,
      actorKey: key,
      kind: change.kind,
      entityId: change.entityId,
      summary: change.summary,
      detail: change.detail,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.activity.insert(entry);
    await this.events.publish({
      type: "map.changed",
      workspaceId: ws,
      journeyId: map.id,
      mapTitle: map.title,
      at,
      actor,
      activityId: entry.id,
      kind: change.kind,
      summary: change.summary,
    });
  }

  /** A page of a workspace's entries (one map's with `filter.journeyId`), newest first. */
  async list(
    ws: string,
    filter: ActivityFilter,
    cursor: string | undefined,
    limit = 50,
  ): Promise<ActivityPage> {
    const n = Math.max(1, Math.min(limit, MAX_ACTIVITY_PAGE));
    // Entries of maps restricted away from the caller are not shown (as their maps are not listed).
    const hiddenMaps = await this.store.journeys.hiddenIds(ws);
    const rows = await this.store.activity.list(
      ws,
      { ...filter, hiddenMaps },
      cursor ? decodeCursor(cursor) : null,
      n + 1,
    );
    const page = rows.slice(0, n);
    const last = page.at(-1);
    return {
      entries: page.map(({ workspaceId: _w, detail: _d, ...e }) => ({
        ...e,
        actorName: actorNameOf(e.actor),
      })),
      nextCursor: rows.length > n && last ? encodeCursor(last) : null,
    };
  }

  /** A page of one map's entries; `not_found` when the map is not in the workspace. */
  async listForMap(
    ws: string,
    journeyId: string,
    filter: Omit<ActivityFilter, "journeyId">,
    cursor: string | undefined,
    limit = 50,
  ): Promise<ActivityPage> {
    if (
      (await this.store.journeys.workspaceOf(journeyId)) !== ws ||
      (await this.store.journeys.hidden(ws, journeyId))
    )
      throw new WaylineError("not_found", `no journey map with id "${journeyId}"`);
    return this.list(ws, { ...filter, journeyId }, cursor, limit);
  }

  /** Who appears in a workspace's log (the member filter's choices). */
  async actors(ws: string): Promise<{ key: string; name: string }[]> {
    return (await this.store.activity.actors(ws, 500)).map((a) => ({
      key: a.key,
      name: actorNameOf(a.actor),
    }));
  }

  /** Applies the retention limits to a workspace, at most once per `PRUNE_EVERY_MS` (`force`: now). */
  async prune(ws: string, force = false): Promise<number> {
    const now = Date.parse(this.clock());
    const last = this.pruned.get(ws);
    if (!force && last !== undefined && now - last < PRUNE_EVERY_MS) return 0;
    this.pruned.set(ws, now);
    const before = new Date(now - this.retention.days * 86_400_000).toISOString();
    return this.store.activity.prune(ws, before, this.retention.maxEntries);
  }
}
