import { SHARE_WS_PREFIX, type ShareCredential, WsShareSchema } from "../../contract/share.ts";
import { WaylineError } from "../../domain/index.ts";
import type { Store } from "../../storage/store.ts";
import { can } from "../access/permissions.ts";
import type { Identity } from "../auth.ts";
import { openShareCredential, shareIdentity } from "./share-credential.ts";

/**
 * A websocket credential of a share link: the same checks as HTTP (live, password grant), the
 * document must be the link's map, and the permission table decides read and edit.
 */
export async function identifyShareConnection(
  store: Store,
  wsToken: string,
  documentName: string,
  now: Date = new Date(),
): Promise<Identity & { canEdit: boolean }> {
  let parsed: ShareCredential;
  try {
    parsed = WsShareSchema.parse(JSON.parse(wsToken.slice(SHARE_WS_PREFIX.length)));
  } catch {
    throw new WaylineError("unauthorized", "malformed share credential");
  }
  const link = await openShareCredential(store, parsed.token, parsed.grant, now);
  const who = shareIdentity(link, parsed.guest);
  const resource = { workspaceId: link.workspaceId, mapId: documentName };
  if (!can(who, "map.read", resource)) throw new WaylineError("not_found", "no such map");
  return { ...who, canEdit: can(who, "map.edit", resource) };
}
