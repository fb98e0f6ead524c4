import { z } from "zod";
import { WaylineError } from "../../domain/index.ts";
import type { Store } from "../../storage/store.ts";
import { can } from "../access/permissions.ts";
import type { Identity } from "../auth.ts";
import { openShareCredential, shareIdentity } from "./share-credential.ts";

/** Prefix of a collaboration token that is a share-link credential. */
export const SHARE_WS_PREFIX = "share:";

const WsShareSchema = z.strictObject({
  token: z.string().min(1).max(200),
  grant: z.string().max(200).optional(),
  guest: z.string().max(200).optional(),
});

/** The collaboration token of a share link's holder: `share:` + JSON `{token, grant?, guest?}`. */
export function shareCollabToken(input: z.infer<typeof WsShareSchema>): string {
  return SHARE_WS_PREFIX + JSON.stringify(input);
}

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
  let parsed: z.infer<typeof WsShareSchema>;
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
