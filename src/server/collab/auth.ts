import type { IncomingMessage } from "node:http";
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { WaylineError } from "../../domain/index.ts";
import type { JourneyRepository } from "../../storage/journeys.ts";
import type { TokenRepository } from "../../storage/tokens.ts";
import { DEFAULT_WORKSPACE_ID } from "../../storage/workspaces.ts";
import { can } from "../access/permissions.ts";
import { checkLocalRequest, type Identity } from "../auth.ts";

/** How collaboration connections are authorised: the HTTP server's mode. */
export type CollabAuth =
  | { mode: "local" }
  | { mode: "token"; tokens: TokenRepository }
  /**
   * Accounts mode: `identify` reads the session cookie and returns the caller's role in
   * `workspaceId` (the map's workspace), or throws when they are not a member.
   */
  | { mode: "accounts"; identify: (req: IncomingMessage, workspaceId: string) => Promise<Identity> };

/** Who is on a live map and whether they may change it (`map.edit` in the map's workspace). */
export type CollabIdentity = Identity & { canEdit: boolean };

/** What a connection presents: the upgrade request, the provider's token, and the map it asks for. */
export interface CollabRequest {
  request: IncomingMessage;
  token: string;
  /** Document name = map id. */
  mapId: string;
}

/** Identifies a share link's holder from its collaboration token for one document (see server/share). */
export type ShareIdentify = (token: string, documentName: string) => Promise<Identity & { canEdit: boolean }>;

/** Collaboration tokens starting with this are share-link credentials. */
const SHARE_PREFIX = "share:";

/** Local mode on a websocket upgrade: the same loopback peer, Host and Origin rules as HTTP. */
export function checkLocalUpgrade(req: IncomingMessage): void {
  const origin = req.headers.origin;
  checkLocalRequest(req.socket.remoteAddress, req.headers.host, Array.isArray(origin) ? origin[0] : origin);
}

/** The caller as the HTTP server would see them (before asking the permission table). */
async function principalOf(auth: CollabAuth, req: CollabRequest, workspaceId: string): Promise<Identity> {
  if (auth.mode === "local") {
    checkLocalUpgrade(req.request);
    return { name: "local", role: "owner", workspaceId: DEFAULT_WORKSPACE_ID };
  }
  if (auth.mode === "accounts") return auth.identify(req.request, workspaceId);
  const who = req.token ? await auth.tokens.verify(req.token) : null;
  if (!who) throw new WaylineError("unauthorized", "unknown or revoked token");
  // API tokens act in their own workspace, as they do over HTTP.
  return who;
}

/**
 * THE identification of a collaboration connection (every mode; the one place to extend, e.g.
 * with share-link guests): finds the map's workspace, identifies the caller, and asks the
 * permission table — `map.read` to connect at all, `map.edit` to write. A map that does not
 * exist and a map of a workspace the caller is not in answer the same `not_found`.
 */
export async function identifyCollabConnection(
  auth: CollabAuth,
  journeys: Pick<JourneyRepository, "accessOf">,
  req: CollabRequest,
): Promise<CollabIdentity> {
  const map = await journeys.accessOf(req.mapId);
  // Unknown maps still identify the caller first, so an anonymous probe learns nothing either way.
  const who = await principalOf(auth, req, map?.workspaceId ?? DEFAULT_WORKSPACE_ID);
  const resource = map && { workspaceId: map.workspaceId, mapId: map.id, access: map };
  if (!resource || !can(who, "map.read", resource))
    throw new WaylineError("not_found", `no journey map with id "${req.mapId}"`);
  return { ...who, canEdit: can(who, "map.edit", resource) };
}

/**
 * Authorises each document connection before Hocuspocus loads or sends any byte of the map
 * (`identifyCollabConnection`). Connections without `map.edit` are read-only, so Hocuspocus
 * refuses every update they send, crafted or not.
 */
export class AuthExtension implements Extension {
  priority = 3000;
  extensionName = "wayline-auth";

  constructor(
    private readonly auth: CollabAuth,
    private readonly journeys: Pick<JourneyRepository, "accessOf">,
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
    const { canEdit, ...identity } = await identifyCollabConnection(this.auth, this.journeys, {
      request,
      token,
      mapId: documentName,
    });
    if (!canEdit) connectionConfig.readOnly = true;
    return { identity };
  }
}
