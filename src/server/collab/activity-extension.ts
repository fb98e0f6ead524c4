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
import type { ActivityActor } from "../../storage/activity.ts";
import type { Identity } from "../auth.ts";

/** Records the changes from `before` to `after` as `actor`'s (the activity service). */
export type RecordChanges = (
  ws: string,
  before: JourneyMap,
  after: JourneyMap,
  actor: ActivityActor,
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

const keyOf = (a: ActivityActor) =>
  a.kind === "member" ? `m:${a.userId}` : a.kind === "guest" ? `g:${a.shareLinkId}:${a.guestName}` : "s";

interface Tracked {
  ws: string;
  doc: Y.Doc;
  /** The map as last told (or as loaded/adopted). */
  base: JourneyMap;
  /** Whose edits are pending since `base` (one author at a time). */
  author: ActivityActor | null;
  dirty: boolean;
}

/**
 * The activity of live edits: each change a connection makes is attributed to its member (or
 * guest). Pending edits are told when another author's (or the database's) transaction starts,
 * every `LIVE_FLUSH_MS`, when the map is stored and when it closes, as the difference of the
 * map since it was last told; the service folds a card's keystrokes into one entry a minute.
 * Transactions not made by a connection (stored rows, Redis, REST edits through the live map,
 * which the journey service records itself) move the base without being told.
 */
export class ActivityExtension implements Extension {
  priority = 100;
  extensionName = "wayline-activity";
  private readonly docs = new Map<string, Tracked>();
  private readonly timer: ReturnType<typeof setInterval>;

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
    if (!ws) return;
    const base = this.read(document);
    if (!base) return;
    const t: Tracked = { ws, doc: document, base, author: null, dirty: false };
    this.docs.set(documentName, t);
    document.on("beforeTransaction", (tr: Y.Transaction) => {
      const who = actorOfOrigin(tr.origin);
      if (t.dirty && (!who || !t.author || keyOf(who) !== keyOf(t.author))) this.flush(t);
    });
    document.on("afterTransaction", (tr: Y.Transaction) => {
      if (tr.changed.size === 0) return;
      const who = actorOfOrigin(tr.origin);
      if (who) {
        t.author = who;
        t.dirty = true;
      } else this.rebase(t);
    });
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    const t = this.docs.get(documentName);
    if (t?.dirty) this.flush(t);
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const t = this.docs.get(documentName);
    if (t?.dirty) this.flush(t);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const t = this.docs.get(documentName);
    if (t?.dirty) this.flush(t);
    this.docs.delete(documentName);
  }

  /** Tells every pending edit now (shutdown, tests). */
  flushAll(): void {
    for (const t of this.docs.values()) if (t.dirty) this.flush(t);
  }

  /** Stops the timer after telling what is pending. */
  close(): void {
    this.flushAll();
    clearInterval(this.timer);
  }

  private flush(t: Tracked): void {
    const author = t.author;
    const before = t.base;
    t.dirty = false;
    const after = this.read(t.doc);
    if (!after) return;
    t.base = after;
    if (author)
      this.record(t.ws, before, after, author).catch((e) =>
        console.error(`[collab] recording activity of map ${after.id} failed: ${(e as Error).message}`),
      );
  }

  private rebase(t: Tracked): void {
    const now = this.read(t.doc);
    if (now) t.base = now;
    t.dirty = false;
    t.author = null;
  }

  private read(doc: Y.Doc | Document): JourneyMap | null {
    try {
      // Every update the document took was validated on the shadow copy already.
      return fromYDoc(doc, { validate: false });
    } catch {
      return null;
    }
  }
}
