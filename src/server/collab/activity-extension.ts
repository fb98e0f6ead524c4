import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  Document,
  Extension,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import type * as Y from "yjs";
import { fromYDoc, type JourneyMap } from "../../domain/index.ts";
import { diffMaps, type MapChange } from "../../services/activity/map-diff.ts";
import type { ActivityActor } from "../../storage/activity.ts";
import type { Identity } from "../auth.ts";
import { writeKeysOf } from "./write-keys.ts";

/** Records changes of a map as `actor`'s (the activity service). */
export type RecordChanges = (
  ws: string,
  map: JourneyMap,
  actor: ActivityActor,
  changes: MapChange[],
) => Promise<unknown>;

/** Longest time live edits wait before they are written to the activity log (ms). */
export const LIVE_FLUSH_MS = 2_000;

/** The activity actor of a live connection's identity (a share link's holder is a guest). */
export function actorOfIdentity(who: Identity): ActivityActor {
  if (who.share)
    return {
      kind: "guest",
      guestName: who.name.replace(/ \(guest\)$/, "") || "Guest",
      shareLinkId: who.share.linkId,
    };
  return { kind: "member", userId: who.userId ?? who.name, name: who.name };
}

/** The connection a Yjs transaction came from (Hocuspocus uses the Connection as origin), else null. */
function actorOfOrigin(origin: unknown): ActivityActor | null {
  const identity = (origin as { context?: { identity?: Identity } } | null)?.context?.identity;
  return identity && typeof identity.name === "string" ? actorOfIdentity(identity) : null;
}

/** Written by something that is not a connection (stored rows, Redis, REST): told elsewhere. */
const FOREIGN = "foreign" as const;
type Writer = ActivityActor | typeof FOREIGN;

/** The entity a write key names: `card:ID.text` → `ID`; map properties (`meta:…`) → `meta`. */
function entityOf(key: string): string {
  const [prefix, rest = ""] = key.split(/:(.*)/s);
  return prefix === "meta" ? "meta" : (rest.split(".")[0] ?? rest);
}

interface Tracked {
  ws: string;
  doc: Y.Doc;
  /** The map as last told (or as loaded). */
  base: JourneyMap;
  /** Who last wrote each entity since `base`. */
  writers: Map<string, Writer>;
  /** The last connection that wrote (grouped changes go to them). */
  last: ActivityActor | null;
}

const keyOf = (a: ActivityActor) =>
  a.kind === "member" ? `m:${a.userId}` : a.kind === "guest" ? `g:${a.shareLinkId}:${a.guestName}` : "s";

/**
 * The activity of live edits. Each transaction only notes who wrote which entity (its write keys,
 * no read of the map on the relay path); every `LIVE_FLUSH_MS`, when the map is stored and when
 * it closes, the map is diffed against what was last told and each change is attributed to the
 * connection that last wrote its entity. Entities last written by something that is not a
 * connection (stored rows and the CLI, Redis from another process, REST edits through the live
 * map, which the journey service records itself) are not told here. The service folds one
 * card's keystrokes into one entry a minute.
 */
export class ActivityExtension implements Extension {
  priority = 100;
  extensionName = "wayline-activity";
  private readonly docs = new Map<string, Tracked>();
  private readonly timer: ReturnType<typeof setInterval>;
  /** Writes still running (awaited at close, before the store closes). */
  private readonly writing = new Set<Promise<unknown>>();

  constructor(
    private readonly workspaceOf: (id: string) => Promise<string | null>,
    private readonly record: RecordChanges,
    flushMs = LIVE_FLUSH_MS,
  ) {
    this.timer = setInterval(() => this.flushAll(), flushMs);
    this.timer.unref();
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const ws = await this.workspaceOf(documentName);
    const base = ws ? read(document) : null;
    if (!ws || !base) return;
    const t: Tracked = { ws, doc: document, base, writers: new Map(), last: null };
    this.docs.set(documentName, t);
    document.on("afterTransaction", (tr: Y.Transaction) => {
      if (tr.changed.size === 0) return;
      const who = actorOfOrigin(tr.origin);
      for (const k of writeKeysOf(tr)) t.writers.set(entityOf(k), who ?? FOREIGN);
      if (who) t.last = who;
    });
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    this.flushDoc(documentName);
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    this.flushDoc(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.flushDoc(documentName);
    this.docs.delete(documentName);
  }

  /** Tells every pending edit now (shutdown, tests). */
  flushAll(): void {
    for (const name of this.docs.keys()) this.flushDoc(name);
  }

  /** Stops the timer after telling what is pending, and waits for the writes. */
  async close(): Promise<void> {
    this.flushAll();
    clearInterval(this.timer);
    await Promise.allSettled([...this.writing]);
  }

  private flushDoc(name: string): void {
    const t = this.docs.get(name);
    if (!t || t.writers.size === 0) return;
    const after = read(t.doc);
    if (!after) return;
    const writers = t.writers;
    const before = t.base;
    t.base = after;
    t.writers = new Map();
    const byAuthor = new Map<string, { actor: ActivityActor; changes: MapChange[] }>();
    for (const change of diffMaps(before, after)) {
      const w = writers.get(change.kind.startsWith("map.") ? "meta" : change.entityId) ?? t.last;
      if (!w || w === FOREIGN) continue;
      const slot = byAuthor.get(keyOf(w)) ?? { actor: w, changes: [] };
      slot.changes.push(change);
      byAuthor.set(keyOf(w), slot);
    }
    for (const { actor, changes } of byAuthor.values()) {
      const w = this.record(t.ws, after, actor, changes)
        .catch((e) =>
          console.error(`[collab] recording activity of map ${after.id} failed: ${(e as Error).message}`),
        )
        .finally(() => this.writing.delete(w));
      this.writing.add(w);
    }
  }
}

function read(doc: Y.Doc | Document): JourneyMap | null {
  try {
    // Every update the document took was validated on the shadow copy already.
    return fromYDoc(doc, { validate: false });
  } catch {
    return null;
  }
}
