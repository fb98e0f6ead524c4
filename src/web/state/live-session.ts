import type { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { MapView } from "../../contract/journeys.ts";
import { fromYDoc, type MapCommand, roots, WaylineError } from "../../domain/index.ts";
import { api } from "../api/client.ts";
import { LiveConnection, type LiveOptions } from "./live-connection.ts";
import { LocalMap } from "./local-map.ts";
import { mergeText } from "./merge-text.ts";
import { createPresence, type PresenceStore } from "./presence.ts";
import { MapSession } from "./session.ts";
import { PersistedUndo, type UndoEntry } from "./undo-store.ts";

export { collabUrl, type LiveOptions } from "./live-connection.ts";

function covers(stored: Map<number, number> | null, local: Map<number, number>): boolean {
  if (!stored) return false;
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * One open map, edited live: the map's Y.Doc is synced with the server through Hocuspocus (and
 * kept in IndexedDB), commands are applied to it locally at once, undo/redo is a Y.UndoManager
 * over this editor's own transactions only, and "saved" means the server has stored everything
 * this editor holds. Presence (who is here, what they selected) travels as awareness.
 */
export class LiveMapSession extends MapSession {
  readonly doc: Y.Doc;
  readonly presence: PresenceStore;
  private readonly origin: symbol;
  private readonly undoManager: Y.UndoManager;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly idb: IndexeddbPersistence | null;
  private readonly conn: LiveConnection;
  private ready = false;
  private storedVector: Map<number, number> | null;
  private storedVersion: number;
  private refreshScheduled = false;
  private textBases = new Map<string, string>();
  private liveIdleWaiters: (() => void)[] = [];
  private disposed = false;
  /** True when the server gave this editor a read-only connection (a viewer). */
  readOnly = false;
  /** This user's undo history of the map as command batches, kept across reloads. */
  private readonly history: PersistedUndo;
  /** Entries undone in this page, for redo (a new edit clears them). */
  private redoEntries: UndoEntry[] = [];

  /** A session over a connection whose document holds the map (`LiveConnection.loaded`). */
  private constructor(view: MapView, conn: LiveConnection, opts: LiveOptions) {
    // The map is read from the document alone; the REST view only brings the personas and version.
    super(
      view,
      api,
      new LocalMap(fromYDoc(conn.doc, { validate: false }), { doc: conn.doc, origin: conn.origin }),
    );
    this.conn = conn;
    this.doc = conn.doc;
    this.origin = conn.origin;
    this.socket = conn.socket;
    this.provider = conn.provider;
    this.idb = conn.idb;
    this.storedVersion = conn.stored?.version ?? view.version;
    this.storedVector = conn.stored?.vector ?? null;
    this.undoManager = new Y.UndoManager(Object.values(roots(this.doc)), {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    this.presence = createPresence(this.provider, this.store, opts.user);
    this.history = new PersistedUndo(
      view.id,
      opts.user?.name ?? "me",
      opts.offline === false || typeof localStorage === "undefined" ? null : localStorage,
    );
    this.wire();
    // After deferred commands ran (whether or not they changed the document) the save state may
    // change: an unchanged rename writes nothing, so no document update would say so.
    this.local.onSettled = () => {
      this.publish();
      this.updateSave();
    };
    if (conn.scope) this.setScope(conn.scope);
    this.ready = true;
    this.publish();
    this.updateSave();
  }

  /** Opens a map live; resolves once the document is loaded (from IndexedDB or the server). */
  static open(view: MapView, opts: LiveOptions = {}): Promise<LiveMapSession> {
    return LiveMapSession.openById(view.id, Promise.resolve(view), opts);
  }

  /**
   * Opens map `id` live while its REST view (`view`, for the personas, the version and the access
   * check) is still on its way: the document loads from IndexedDB and the server meanwhile, and the
   * map shown is read from it once, never converted from the REST copy. Rejects (and closes the
   * connection) when the view does.
   */
  static async openById(id: string, view: Promise<MapView>, opts: LiveOptions = {}): Promise<LiveMapSession> {
    const conn = new LiveConnection(id, opts);
    try {
      const [v] = await Promise.all([view, conn.loaded()]);
      return new LiveMapSession(v, conn, opts);
    } catch (e) {
      conn.destroy();
      throw e;
    }
  }

  private wire(): void {
    this.doc.on("update", (_u: Uint8Array, origin: unknown) => {
      if (origin !== this.origin) this.scheduleRefresh();
      this.updateSave();
    });
    // Deferred local commands reach the document before any collaborator's update does.
    this.provider.on("message", () => this.ready && this.local.settle());
    this.provider.on("unsyncedChanges", () => this.updateSave());
    this.provider.on("authenticated", ({ scope }: { scope: string }) => {
      this.setScope(scope);
      this.updateSave();
    });
    this.socket.on("status", () => this.updateSave());
    this.provider.on("stateless", ({ payload }: { payload: string }) => {
      const msg = JSON.parse(payload) as { type?: string; version?: number; sv?: string };
      if (msg.type !== "stored" || !msg.sv) return;
      // The connection decoded it: its listener was added first, so it has run.
      this.storedVector = this.conn.stored?.vector ?? this.storedVector;
      this.storedVersion = msg.version ?? this.storedVersion;
      this.updateSave();
    });
    this.provider.on("close", ({ event }: { event: { reason?: string } }) => {
      if (event.reason?.startsWith("update_rejected")) void this.resync(event.reason);
    });
    this.store.subscribe((s, prev) => {
      const id = s.editing?.kind === "card" ? s.editing.id : null;
      const was = prev.editing?.kind === "card" ? prev.editing.id : null;
      if (id && id !== was) this.textBases.set(id, s.map.cards.find((c) => c.id === id)?.text ?? "");
      if (was && was !== id) this.textBases.delete(was);
    });
  }

  /** A viewer's connection is read-only: say so once. */
  private setScope(scope: string): void {
    this.readOnly = scope === "readonly";
    if (this.readOnly)
      this.store.setState({ notice: { title: "You can view this map but not change it", lines: [] } });
  }

  override get serverVersion(): number {
    return this.storedVersion;
  }

  override dispatch(commands: MapCommand[], _record = true): boolean {
    if (!this.ready) return false;
    if (this.readOnly) {
      this.store.setState({ notice: { title: "You can view this map but not change it", lines: [] } });
      return false;
    }
    this.local.settle();
    try {
      const applied = this.local.apply(commands.map((c) => this.withMergedText(c)));
      this.history.push({ commands: applied.commands, inverse: applied.inverse });
      this.redoEntries = [];
    } catch (e) {
      this.store.setState({
        notice: { title: "That change could not be made", lines: [(e as Error).message] },
      });
      return false;
    }
    this.undoManager.stopCapturing();
    this.publish();
    this.updateSave();
    return true;
  }

  /**
   * The open text editor of card `id` now shows the map's text `text` merged into what is typed
   * (useLiveCardText): that text is the base of the next commit's merge, so it is not merged twice.
   */
  rebaseText(id: string, text: string): void {
    if (this.textBases.has(id)) this.textBases.set(id, text);
  }

  /** A card text typed from `base` while a collaborator changed the card keeps both edits. */
  private withMergedText(c: MapCommand): MapCommand {
    if (c.type !== "updateCard" || c.text === undefined) return c;
    const current = this.local.map.cards.find((x) => x.id === c.id)?.text;
    const base = this.textBases.get(c.id);
    if (base === undefined || current === undefined) return c;
    this.textBases.set(c.id, c.text);
    return { ...c, text: mergeText(base, c.text, current) };
  }

  /**
   * Undoes this page's own edits with the Y.UndoManager; past them (after a reload) applies the
   * stored inverse batches, newest first, dropping those that no longer apply (their card or stage
   * is gone). A stored undo becomes a redo: its transaction moves to the manager's redo stack.
   */
  override undo(): void {
    this.local.settle();
    if (this.undoManager.canUndo()) {
      this.undoManager.undo();
      const e = this.history.pop();
      if (e) this.redoEntries.push(e);
    } else this.undoStored();
    this.refreshNow();
  }

  private undoStored(): void {
    for (let e = this.history.pop(); e; e = this.history.pop()) {
      try {
        this.local.apply(e.inverse);
        this.local.settle();
      } catch (err) {
        if (err instanceof WaylineError) continue;
        throw err;
      }
      const item = this.undoManager.undoStack.pop();
      if (item) this.undoManager.redoStack.push(item);
      this.redoEntries.push(e);
      return;
    }
  }

  override redo(): void {
    this.local.settle();
    if (!this.undoManager.canRedo()) return;
    this.undoManager.redo();
    const e = this.redoEntries.pop();
    if (e) this.history.push(e);
    this.refreshNow();
  }

  /** Live maps receive server-side edits through the document: nothing to adopt. */
  override adopt(_view: MapView): void {}

  /** Live sessions never send REST batches. */
  override flush(): void {}

  override whenIdle(): Promise<void> {
    if (this.store.getState().save === "saved") return Promise.resolve();
    return new Promise((resolve) => this.liveIdleWaiters.push(resolve));
  }

  protected override publish(): void {
    if (!this.undoManager) return;
    this.store.setState({
      map: this.local.map,
      canUndo: this.local.hasDeferred || this.undoManager.canUndo() || this.history?.size > 0,
      canRedo: this.undoManager.canRedo(),
    });
  }

  private scheduleRefresh(): void {
    if (!this.ready || this.refreshScheduled) return;
    this.refreshScheduled = true;
    queueMicrotask(() => {
      this.refreshScheduled = false;
      if (!this.disposed) this.refreshNow();
    });
  }

  private refreshNow(): void {
    this.local.refresh();
    this.publish();
  }

  private updateSave(): void {
    if (!this.ready) return;
    const online = this.socket.status === "connected";
    if (this.readOnly && online) {
      this.store.setState({ save: "saved", saveMessage: "view only" });
      return;
    }
    const stored = covers(this.storedVector, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
    const pending = this.local.hasDeferred || this.provider.unsyncedChanges > 0 || !stored;
    if (!online) {
      this.store.setState({
        save: "error",
        saveMessage: pending
          ? "offline — your changes are kept in this browser and sent when the connection is back"
          : "offline",
      });
      return;
    }
    if (pending) {
      this.store.setState({ save: "saving", saveMessage: "" });
      return;
    }
    this.store.setState({ save: "saved", saveMessage: "" });
    for (const w of this.liveIdleWaiters.splice(0)) w();
  }

  /** The server refused an update: forget the local copy and load the server's state. */
  private async resync(reason: string): Promise<void> {
    this.store.setState({
      notice: {
        title: "The server refused a change and the map is being reloaded",
        lines: [reason.replace(/^update_rejected:\s*/, "")],
      },
    });
    this.provider.destroy();
    this.history.clear();
    await this.idb?.clearData();
    if (typeof location !== "undefined") location.reload();
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
    this.presence.destroy();
    this.provider.destroy();
    this.socket.destroy();
    this.undoManager.destroy();
    void this.idb?.destroy();
  }
}
