import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  connectedPayload,
  Document,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { WaylineError } from "../../domain/index.ts";
import { type LockedEdit, rowWriter } from "../../services/map-writer.ts";
import type { StoredJourney } from "../../storage/journeys.ts";
import type { Store } from "../../storage/store.ts";
import { writeKeysOf } from "./write-keys.ts";

/** Transaction origin of state read from the database (not an edit: nothing to record). */
export const DB_ORIGIN = "wayline:db";

/** The stateless message telling editors what the server has stored (their "saved" indicator). */
export interface StoredNotice {
  type: "stored";
  /** Version number of the stored map. */
  version: number;
  /** Base64 Yjs state vector of the stored state: everything it covers is on disk. */
  sv: string;
}

const sameVector = (a: Uint8Array | undefined, b: Uint8Array) =>
  !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Loads a map's Y state from the journeys repository and stores it back — Y state, JSON snapshot
 * and a new version with the keys written since — on Hocuspocus's debounce and when the last
 * client leaves. A store merges the live document with the database row (so a write made in the
 * row by another process or the CLI is kept, and shown to the editors), then tells the editors
 * which state is stored.
 */
export class PersistenceExtension implements Extension {
  /** Above Redis (1000): the map is stored even when another process holds the Redis lock. */
  priority = 1500;
  extensionName = "wayline-persistence";
  private pendingWrites = new Map<string, Set<string>>();
  private storedVector = new Map<string, Uint8Array>();
  private lastNotice = new Map<string, string>();
  private pendingAuthors = new Map<string, Set<string>>();
  /** The workspace of each loaded map (map ids are global; a map never changes workspace). */
  private workspaces = new Map<string, string>();
  /** The last stored version of each loaded map. */
  private versions = new Map<string, number>();

  constructor(
    private readonly store: Store,
    /** Called after each store with the map's workspace and who edited since the previous one. */
    private readonly onStored: (
      workspaceId: string,
      id: string,
      stored: StoredJourney,
      authors: string[],
    ) => Promise<unknown> = async () => {},
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const workspaceId = await this.store.journeys.workspaceOf(documentName);
    const stored = workspaceId ? await this.store.journeys.get(workspaceId, documentName) : null;
    if (!workspaceId || !stored)
      throw new WaylineError("not_found", `no journey map with id "${documentName}"`);
    this.workspaces.set(documentName, workspaceId);
    this.versions.set(documentName, stored.version);
    Y.applyUpdate(document, stored.state, DB_ORIGIN);
    const sv = Y.encodeStateVector(document);
    this.storedVector.set(documentName, sv);
    this.lastNotice.set(documentName, noticeOf(stored.version, sv));
  }

  /** A new editor learns at once what is stored (before any edit of its own). */
  async connected({ documentName, connection }: connectedPayload): Promise<void> {
    const notice = this.lastNotice.get(documentName);
    if (notice) connection.sendStateless(notice);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    this.pendingWrites.set(documentName, new Set());
    this.pendingAuthors.set(documentName, new Set());
    document.on("afterTransaction", (tr: Y.Transaction) => {
      if (tr.origin === DB_ORIGIN || tr.changed.size === 0) return;
      const pending = this.pendingWrites.get(documentName);
      for (const k of writeKeysOf(tr)) pending?.add(k);
      const authors = this.pendingAuthors.get(documentName);
      for (const name of authorsOf(document, tr)) authors?.add(name);
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.pendingWrites.delete(documentName);
    this.pendingAuthors.delete(documentName);
    this.storedVector.delete(documentName);
    this.lastNotice.delete(documentName);
    this.workspaces.delete(documentName);
    this.versions.delete(documentName);
  }

  /**
   * Takes in a newer row written by someone else (the CLI or another server process without
   * Redis): the row's Y state is merged into the live map, which reaches every editor, and the
   * editors learn that version is stored. False when the row is not newer than what we stored.
   */
  async adoptRow(document: Document): Promise<boolean> {
    const name = document.name;
    const loaded = this.loaded(name);
    if (!loaded) return false;
    const stored = await this.store.journeys.get(loaded.workspaceId, name);
    if (!stored || stored.version <= loaded.version) return false;
    const clean =
      (this.pendingWrites.get(name)?.size ?? 0) === 0 &&
      sameVector(this.storedVector.get(name), Y.encodeStateVector(document));
    Y.applyUpdate(document, stored.state, DB_ORIGIN);
    this.versions.set(name, stored.version);
    // With nothing unstored here, the live map is now exactly what is stored; else the next store merges.
    if (clean) this.storedVector.set(name, Y.encodeStateVector(document));
    const notice = noticeOf(stored.version, Y.encodeStateVectorFromUpdate(stored.state));
    this.lastNotice.set(name, notice);
    document.broadcastStateless(notice);
    return true;
  }

  /** Workspace and last stored version of a loaded map, or undefined when it is not loaded. */
  loaded(name: string): { workspaceId: string; version: number } | undefined {
    const workspaceId = this.workspaces.get(name);
    const version = this.versions.get(name);
    return workspaceId === undefined || version === undefined ? undefined : { workspaceId, version };
  }

  /**
   * Stores on Hocuspocus's debounce. A store that loses a race with another process (SQLite
   * `SQLITE_BUSY*` when two processes share a file, a version `conflict` when another process
   * saved in between) is retried on a fresh read of the row; the live map keeps everything
   * meanwhile. A store error never escapes: an unhandled rejection would end the server process.
   */
  async onStoreDocument({ document }: onStoreDocumentPayload): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.persist(document);
        return;
      } catch (e) {
        if (attempt >= STORE_RETRIES || !retryable(e)) {
          console.error(`[collab] storing map ${document.name} failed: ${(e as Error).message}`);
          return;
        }
        await new Promise((r) => setTimeout(r, 25 * 2 ** attempt + Math.random() * 25));
      }
    }
  }

  /**
   * Stores the live document; with `edit`, runs it on the live map merged with the row in the same
   * transaction (the REST and CLI write path). Returns null when there was nothing to store.
   *
   * Without `edit`, when the row is still the version this process last loaded or stored (nobody
   * else wrote it), the live document already holds the row: it is saved as it is, without reading
   * and decoding the row or re-applying the stored state (the common case, kept short because the
   * relay of every editor's updates waits while it runs). Only when another process stored since
   * (a version `conflict`) is the row read and merged.
   */
  async persist<T>(
    document: Document,
    edit?: LockedEdit<T>,
  ): Promise<{ stored: StoredJourney; result: T | undefined } | null> {
    const name = document.name;
    const workspaceId = this.workspaces.get(name);
    if (!workspaceId) throw new WaylineError("not_found", `no journey map with id "${name}"`);
    const writes = this.pendingWrites.get(name) ?? new Set<string>();
    if (!edit && writes.size === 0 && sameVector(this.storedVector.get(name), Y.encodeStateVector(document)))
      return null;
    this.pendingWrites.set(name, new Set());
    let out: { stored: StoredJourney; result: T | undefined; sv: Uint8Array | null };
    try {
      const live = edit ? null : await this.saveLive(document, workspaceId, writes);
      out = live ?? { ...(await this.saveMerged(document, workspaceId, writes, edit)), sv: null };
    } catch (e) {
      const pending = this.pendingWrites.get(name);
      for (const k of writes) pending?.add(k);
      throw e;
    }
    // The row held more than the live map (or `edit` changed it): the live map takes it in.
    if (!out.sv) Y.applyUpdate(document, out.stored.state, DB_ORIGIN);
    const sv = out.sv ?? Y.encodeStateVectorFromUpdate(out.stored.state);
    this.versions.set(name, out.stored.version);
    this.storedVector.set(name, sv);
    const authors = [...(this.pendingAuthors.get(name) ?? [])];
    this.pendingAuthors.set(name, new Set());
    await this.onStored(workspaceId, name, out.stored, authors).catch(() => {});
    const notice = noticeOf(out.stored.version, sv);
    this.lastNotice.set(name, notice);
    document.broadcastStateless(notice);
    return { stored: out.stored, result: out.result };
  }

  /**
   * Saves the live document as the next version if the row is still the version this process
   * knows; null when another process stored since (then the row must be merged).
   */
  private async saveLive(
    document: Document,
    workspaceId: string,
    writes: Set<string>,
  ): Promise<{ stored: StoredJourney; result: undefined; sv: Uint8Array } | null> {
    const known = this.versions.get(document.name);
    if (known === undefined) return null;
    // Taken with the state saveVersion encodes (no await in between): exactly what is stored.
    const sv = Y.encodeStateVector(document);
    try {
      const change = { reads: [], writes: [...writes] };
      const stored = await this.store.journeys.saveVersion(
        workspaceId,
        document.name,
        document,
        known,
        change,
      );
      return { stored, result: undefined, sv };
    } catch (e) {
      if ((e as { code?: unknown }).code === "conflict") return null;
      throw e;
    }
  }

  /** Merges the live document into the row (and runs `edit` there) and stores that as the next version. */
  private async saveMerged<T>(
    document: Document,
    workspaceId: string,
    writes: Set<string>,
    edit?: LockedEdit<T>,
  ): Promise<{ stored: StoredJourney; result: T | undefined }> {
    const name = document.name;
    const state = Y.encodeStateAsUpdate(document);
    const out = await rowWriter(this.store).edit(workspaceId, name, async (doc, current, repos) => {
      Y.applyUpdate(doc, state);
      if (!edit) return { change: { reads: [], writes: [...writes] }, result: undefined };
      const r = await edit(doc, current, repos);
      return {
        change: { reads: r.change.reads, writes: [...r.change.writes, ...writes] },
        result: r.result,
      };
    });
    if (!out) throw new WaylineError("not_found", `no journey map with id "${name}"`);
    return out;
  }
}

/** How often a lost store race is retried (25 ms doubling: about 1.6 s in all). */
const STORE_RETRIES = 6;

/** A store failure that a fresh attempt can fix: a busy SQLite file or a version raced by another process. */
function retryable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code === "conflict");
}

/** The stored notice of `version`, whose state has state vector `sv`. */
function noticeOf(version: number, sv: Uint8Array): string {
  const notice: StoredNotice = { type: "stored", version, sv: Buffer.from(sv).toString("base64") };
  return JSON.stringify(notice);
}

/**
 * Names of the people a transaction came from: the awareness name of each Yjs client whose clock
 * advanced (an editor's client id is its awareness id), else the connection's identity.
 */
function authorsOf(document: Document, tr: Y.Transaction): string[] {
  const names: string[] = [];
  const states = document.awareness.getStates();
  for (const [client, clock] of tr.afterState) {
    if ((tr.beforeState.get(client) ?? 0) >= clock) continue;
    const user = (states.get(client) as { user?: { name?: unknown } } | undefined)?.user;
    if (typeof user?.name === "string") names.push(user.name.slice(0, 60));
  }
  if (names.length === 0) {
    const who = (tr.origin as { context?: { identity?: { name?: unknown } } } | null)?.context?.identity
      ?.name;
    if (typeof who === "string") names.push(who);
  }
  return names;
}
