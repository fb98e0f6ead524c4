import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

/**
 * `ws` emits "closed before the connection was established" as an error event when a connecting
 * socket is closed (a peer going offline mid-handshake); the provider has dropped its listeners by
 * then, so one listener here keeps that expected event from becoming an unhandled error.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on("error", () => {});
  }
}

/** A websocket class that sends `headers` (a browser's Cookie and Origin) with its upgrade request. */
function withHeaders(headers: Record<string, string>): unknown {
  return class extends QuietWebSocket {
    constructor(url: string) {
      super(url, [], { headers });
    }
  };
}

/** A Node editor on a live map (tests and benchmarks): a Y.Doc synced through the real provider. */
export interface Peer {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Reasons of the server's closes of this document connection (e.g. `update_rejected: …`). */
  closes: string[];
  /** Last stored notice received: version and state vector. */
  stored: { version: number; sv: Map<number, number> } | null;
  /** Resolves once the first sync is done (rejects on denied authentication). */
  synced: Promise<void>;
  /** True when everything this peer holds is stored on the server. */
  isStored(): boolean;
  /** Drops the connection and waits until the provider knows it is offline. */
  goOffline(): Promise<void>;
  /** Reconnects (the provider then resyncs what either side lacks). */
  goOnline(): void;
  destroy(): void;
}

/** Connects a peer to `ws://…/collab` for map `name`. */
export function connectPeer(
  baseUrl: string,
  name: string,
  opts: {
    token?: string;
    doc?: Y.Doc;
    Ws?: unknown;
    headers?: Record<string, string>;
    /** Reconnect when nothing was received for this long (ms; the provider's default is 30 s). */
    messageReconnectTimeout?: number;
  } = {},
): Peer {
  const url = `${baseUrl.replace(/^http/, "ws")}/collab`;
  const doc = opts.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: opts.Ws ?? (opts.headers ? withHeaders(opts.headers) : QuietWebSocket),
    delay: 100,
    minDelay: 100,
    maxDelay: 1000,
    factor: 1.5,
    ...(opts.messageReconnectTimeout ? { messageReconnectTimeout: opts.messageReconnectTimeout } : {}),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: opts.token ?? "",
  });
  provider.attach();
  const peer: Peer = {
    doc,
    provider,
    socket,
    closes: [],
    stored: null,
    synced: new Promise<void>((resolve, reject) => {
      provider.on("synced", () => resolve());
      provider.on("authenticationFailed", ({ reason }: { reason: string }) => reject(new Error(reason)));
    }),
    isStored: () =>
      provider.unsyncedChanges === 0 &&
      covers(peer.stored?.sv, Y.decodeStateVector(Y.encodeStateVector(doc))),
    goOffline: async () => {
      socket.disconnect();
      await until(() => socket.status === "disconnected", 5000, "offline");
    },
    goOnline: () => {
      void socket.connect();
    },
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
  provider.on("close", ({ event }: { event: { reason: string } }) => peer.closes.push(event.reason));
  provider.on("stateless", ({ payload }: { payload: string }) => {
    const msg = JSON.parse(payload) as { type?: string; version?: number; sv?: string };
    if (msg.type === "stored" && msg.sv)
      peer.stored = { version: msg.version ?? 0, sv: Y.decodeStateVector(Buffer.from(msg.sv, "base64")) };
  });
  return peer;
}

/** True when state vector `stored` covers every clock in `local`. */
export function covers(stored: Map<number, number> | undefined, local: Map<number, number>): boolean {
  if (!stored) return false;
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

/** Waits until `check` holds (polling), or throws after `ms`. */
export async function until(check: () => boolean, ms = 5000, what = "condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
