import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Redis } from "@hocuspocus/extension-redis";
import { type Extension, Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { fromYDoc, WaylineError } from "../../domain/index.ts";
import { checkNewLinks } from "../../services/hierarchy/link-check.ts";
import type { LockedEdit, MapWriter } from "../../services/map-writer.ts";
import { rowWriter } from "../../services/map-writer.ts";
import type { StoredJourney } from "../../storage/journeys.ts";
import type { Store } from "../../storage/store.ts";
import { ActivityExtension, type RecordChanges } from "./activity-extension.ts";
import { AuthExtension, type CollabAuth, checkLocalUpgrade, type ShareIdentify } from "./auth.ts";
import { COLLAB_LIMITS, type CollabLimits } from "./limits.ts";
import { PersistenceExtension } from "./persistence.ts";
import { ValidationExtension } from "./validation.ts";

/** Path of the collaboration websocket on the HTTP server's port. */
export const COLLAB_PATH = "/collab";

/** What the collaboration server needs. */
export interface CollabOptions {
  store: Store;
  auth: CollabAuth;
  /** Share-link credentials on the websocket (`share:` tokens). */
  shares?: ShareIdentify;
  /**
   * Joins several processes (REDIS_URL; one process works without): `await redisExtension(url)`.
   * Made by the caller so the Redis client is loaded only when configured (start-up time).
   */
  redis?: Redis | null | undefined;
  limits?: CollabLimits;
  /** Idle time before a changed map is stored (ms); stored at the latest after `maxDebounceMs`. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /**
   * How often open maps are checked for rows written by another process (the CLI; another server
   * without Redis), whose changes are then merged into the live map (ms; 0 turns it off).
   */
  rowPollMs?: number;
  /** Records live edits in the activity log, attributed to each connection's member. */
  activity?: RecordChanges;
  /** Called after a live map was stored, with its workspace and who edited since (automatic versions). */
  onStored?: (workspaceId: string, id: string, stored: StoredJourney, authors: string[]) => Promise<unknown>;
}

/** The Hocuspocus Redis extension for `redis://host:port[/db]`, loaded on demand. */
export async function redisExtension(url: string): Promise<Redis> {
  const { Redis } = await import("@hocuspocus/extension-redis");
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, "") || 0);
  return new Redis({
    host: u.hostname || "127.0.0.1",
    port: Number(u.port || 6379),
    prefix: "wayline",
    options: { password: u.password || undefined, db, lazyConnect: false },
  });
}

/**
 * Live maps: Hocuspocus on the HTTP server's port at `/collab` (document name = map id), with the
 * auth, validation and persistence extensions (and Redis when configured). `update` is the write
 * path the REST API and the CLI share with the editors: an edit made there lands in the live
 * document, so open editors see it at once.
 */
export class CollabServer implements MapWriter {
  readonly hocuspocus: Hocuspocus;
  private readonly persistence: PersistenceExtension;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly redis: Redis | null;
  private readonly activity: ActivityExtension | null;
  private readonly rowPoll: ReturnType<typeof setInterval> | null;
  private polling = false;

  constructor(private readonly opts: CollabOptions) {
    this.persistence = new PersistenceExtension(opts.store, opts.onStored);
    this.redis = opts.redis ?? null;
    const extensions: Extension[] = [
      new AuthExtension(opts.auth, opts.store.journeys, opts.shares),
      new ValidationExtension(opts.limits ?? COLLAB_LIMITS, async (mapId, map, links) => {
        const ws = await opts.store.journeys.workspaceOf(mapId);
        await checkNewLinks(map, links, async (id) =>
          ws ? ((await opts.store.journeys.get(ws, id))?.map ?? null) : null,
        );
      }),
      this.persistence,
    ];
    this.activity = opts.activity
      ? new ActivityExtension((id) => opts.store.journeys.workspaceOf(id), opts.activity)
      : null;
    if (this.activity) extensions.push(this.activity);
    if (this.redis) extensions.push(this.redis);
    const debounce = opts.debounceMs ?? 500;
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      debounce,
      maxDebounce: opts.maxDebounceMs ?? Math.max(2000, debounce * 4),
      extensions,
    });
    const every = opts.rowPollMs ?? 1000;
    this.rowPoll = every > 0 ? setInterval(() => void this.adoptNewerRows(), every) : null;
    this.rowPoll?.unref();
  }

  /**
   * Merges rows that another process stored since into the open maps: one query for the versions
   * of every open map (in chunks of 500), a read of each newer row. Never two runs at once.
   */
  async adoptNewerRows(): Promise<number> {
    if (this.polling || this.hocuspocus.documents.size === 0) return 0;
    this.polling = true;
    let adopted = 0;
    try {
      const names = [...this.hocuspocus.documents.keys()];
      for (let i = 0; i < names.length; i += 500) {
        const versions = await this.opts.store.journeys.versionsOf(names.slice(i, i + 500));
        for (const [id, version] of versions) {
          const document = this.hocuspocus.documents.get(id);
          const known = this.persistence.loaded(id)?.version;
          if (!document || known === undefined || version <= known) continue;
          if (await document.saveMutex.runExclusive(() => this.persistence.adoptRow(document))) adopted++;
        }
      }
    } catch {
      // A failed check is retried at the next tick; the rows stay authoritative meanwhile.
    } finally {
      this.polling = false;
    }
    return adopted;
  }

  /** Serves `/collab` upgrades of an HTTP server (other upgrade paths are refused). */
  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(req, socket, head),
    );
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? "").split("?")[0];
    if (path !== COLLAB_PATH) {
      refuse(socket, 404, "Not Found");
      return;
    }
    if (this.opts.auth.mode === "local") {
      try {
        checkLocalUpgrade(req);
      } catch {
        refuse(socket, 403, "Forbidden");
        return;
      }
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.hocuspocus.handleConnection(ws, req));
  }

  /** How many maps are open (metrics). */
  get openDocumentCount(): number {
    return this.hocuspocus.documents.size;
  }

  /** True when the map is open in this process. */
  isOpen(id: string): boolean {
    return this.hocuspocus.documents.has(id);
  }

  /**
   * Runs `edit` on the live map of workspace `workspaceId` (merged with the stored row) and stores the result as the next
   * version; the change reaches every open editor. Maps open nowhere (and no Redis) are edited
   * in the row directly. Null when the map does not exist.
   */
  async edit<T>(
    workspaceId: string,
    id: string,
    edit: LockedEdit<T>,
  ): Promise<{ stored: StoredJourney; result: T } | null> {
    if (!this.redis && !this.isOpen(id)) return rowWriter(this.opts.store).edit(workspaceId, id, edit);
    // Map ids are global: a caller naming another workspace finds nothing, live or not.
    if ((await this.opts.store.journeys.workspaceOf(id)) !== workspaceId) return null;
    const conn = await this.hocuspocus.openDirectConnection(id);
    const document = conn.document;
    try {
      if (!document) throw new WaylineError("internal", "the live map closed");
      const out = await document.saveMutex.runExclusive(() => this.persistence.persist(document, edit));
      return out as { stored: StoredJourney; result: T };
    } finally {
      conn.disconnect().catch(() => {});
    }
  }

  /**
   * The live map of workspace `workspaceId` when it is open in this process, merged with the row
   * when another process stored a newer version (see MapWriter.live): whatever any editor was told
   * is stored is in the answer, even before Redis or the row poll brought it into this process.
   */
  async live(workspaceId: string, id: string): Promise<StoredJourney | null> {
    const loaded = this.persistence.loaded(id);
    if (!this.hocuspocus.documents.has(id) || !loaded || loaded.workspaceId !== workspaceId) return null;
    const rowVersion = (await this.opts.store.journeys.versionsOf([id])).get(id);
    const document = this.hocuspocus.documents.get(id);
    if (!document || rowVersion === undefined) return null;
    const known = this.persistence.loaded(id)?.version ?? loaded.version;
    if (rowVersion <= known)
      // Every update the document took passed fromYDoc on the shadow copy; repairs apply the same way.
      return { map: fromYDoc(document), version: known, state: Y.encodeStateAsUpdate(document) };
    const row = await this.opts.store.journeys.get(workspaceId, id);
    if (!row) return null;
    const merged = new Y.Doc();
    Y.applyUpdate(merged, row.state);
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(document));
    const out = { map: fromYDoc(merged), version: row.version, state: Y.encodeStateAsUpdate(merged) };
    merged.destroy();
    return out;
  }

  /** Stores every open map, closes every connection and Redis. */
  async close(): Promise<void> {
    if (this.rowPoll) clearInterval(this.rowPoll);
    const docs = [...this.hocuspocus.documents.values()];
    await Promise.all(
      docs.map((d) => d.saveMutex.runExclusive(() => this.persistence.persist(d)).catch(() => null)),
    );
    await this.activity?.close();
    this.hocuspocus.closeConnections();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    if (this.redis) await this.redis.onDestroy().catch(() => {});
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
