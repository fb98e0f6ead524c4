import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { roots } from "../../domain/index.ts";
import { storedToken } from "../api/client.ts";
import { shareWsToken } from "../share/share-session.ts";

/** Where and how a live session connects (defaults: this page's host, no token, IndexedDB on). */
export interface LiveOptions {
  /** `ws(s)://host/collab`. */
  url?: string;
  /** Bearer token (token mode). */
  token?: string;
  /** Keep the document in IndexedDB (offline edits survive a closed tab). */
  offline?: boolean;
  /** Name and colour shown to collaborators. */
  user?: { name: string; color: string };
}

/** The page's collaboration endpoint. */
export function collabUrl(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
}

/** What the server said about its stored state (`stored` stateless message). */
export interface StoredNotice {
  vector: Map<number, number>;
  version: number | undefined;
}

const decodeVector = (b64: string) =>
  Y.decodeStateVector(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));

/**
 * A map's Y.Doc with its IndexedDB copy and its Hocuspocus connection, made before the session so
 * the document loads (IndexedDB, then the server's diff) while the page still waits for the REST
 * answer. It keeps what the server says before a session listens: the connection's scope (a
 * viewer's is "readonly") and the last `stored` notice (sent right after connecting).
 */
export class LiveConnection {
  readonly doc = new Y.Doc();
  /** Transaction origin of this editor's own edits (its undo scope). */
  readonly origin = Symbol("wayline.local-edit");
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  readonly idb: IndexeddbPersistence | null;
  /** The scope the server granted, once authenticated. */
  scope: string | null = null;
  /** The last `stored` notice, null before the first. */
  stored: StoredNotice | null = null;

  constructor(
    readonly id: string,
    opts: LiveOptions,
  ) {
    this.idb =
      opts.offline === false || typeof indexedDB === "undefined"
        ? null
        : new IndexeddbPersistence(`wayline-map-${id}`, this.doc);
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.url ?? collabUrl(),
      delay: 500,
      minDelay: 500,
      maxDelay: 5000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: id,
      document: this.doc,
      token: opts.token ?? shareWsToken() ?? storedToken() ?? "",
    });
    this.provider.on("authenticated", ({ scope }: { scope: string }) => {
      this.scope = scope;
    });
    this.provider.on("stateless", ({ payload }: { payload: string }) => {
      const msg = JSON.parse(payload) as { type?: string; version?: number; sv?: string };
      if (msg.type === "stored" && msg.sv)
        this.stored = { vector: decodeVector(msg.sv), version: msg.version };
    });
  }

  /**
   * Resolves once the document holds the map: IndexedDB's copy first, then the provider attaches
   * (its first sync message carries that copy's state vector, so the server sends only what the
   * copy lacks); without a local copy, once the server's state has arrived.
   */
  async loaded(): Promise<void> {
    if (this.idb) await this.idb.whenSynced;
    this.provider.attach();
    if (roots(this.doc).meta.get("id") === this.id) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.provider.off("synced", done);
        resolve();
      };
      this.provider.on("synced", done);
    });
  }

  /** Closes the connection and the IndexedDB copy (the stored data stays). */
  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
    void this.idb?.destroy();
  }
}
