import type { IncomingMessage } from "node:http";
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { WaylineError } from "../../domain/index.ts";
import type { TokenRepository } from "../../storage/tokens.ts";
import { checkLocalRequest, type Identity } from "../auth.ts";

/** How collaboration connections are authorised: the HTTP server's mode. */
export type CollabAuth =
  | { mode: "local" }
  | { mode: "token"; tokens: TokenRepository }
  /** Accounts mode: `identify` reads the session cookie and asks the permission table. */
  | { mode: "accounts"; identify: (req: IncomingMessage) => Promise<Identity & { canEdit: boolean }> };

/** Identifies a share link's holder from its collaboration token for one document (see server/share). */
export type ShareIdentify = (token: string, documentName: string) => Promise<Identity & { canEdit: boolean }>;

/** Collaboration tokens starting with this are share-link credentials. */
const SHARE_PREFIX = "share:";

/** Local mode on a websocket upgrade: the same loopback peer, Host and Origin rules as HTTP. */
export function checkLocalUpgrade(req: IncomingMessage): void {
  const origin = req.headers.origin;
  checkLocalRequest(req.socket.remoteAddress, req.headers.host, Array.isArray(origin) ? origin[0] : origin);
}

/**
 * Authorises each document connection before Hocuspocus loads or sends any byte of the map:
 * local mode re-checks the upgrade request; token mode verifies the provider's token. Viewers
 * get a read-only connection, so Hocuspocus refuses every update they send, crafted or not.
 */
export class AuthExtension implements Extension {
  priority = 3000;
  extensionName = "wayline-auth";

  constructor(
    private readonly auth: CollabAuth,
    private readonly shares?: ShareIdentify,
  ) {}

  async onAuthenticate({
    request,
    token,
    documentName,
    connectionConfig,
  }: onAuthenticatePayload): Promise<{ identity: Identity }> {
    // A share link's holder (any mode): the link's role on its own map; view links are read-only.
    if (this.shares && token?.startsWith(SHARE_PREFIX)) {
      const { canEdit, ...identity } = await this.shares(token, documentName);
      if (!canEdit) connectionConfig.readOnly = true;
      return { identity };
    }
    if (this.auth.mode === "local") {
      checkLocalUpgrade(request);
      return { identity: { name: "local", role: "owner" } };
    }
    if (this.auth.mode === "accounts") {
      const { canEdit, ...identity } = await this.auth.identify(request);
      if (!canEdit) connectionConfig.readOnly = true;
      return { identity };
    }
    const who = token ? await this.auth.tokens.verify(token) : null;
    if (!who) throw new WaylineError("unauthorized", "unknown or revoked token");
    if (who.role === "viewer") connectionConfig.readOnly = true;
    return { identity: who };
  }
}
