import type { IncomingMessage } from "node:http";
import { WaylineError } from "../../domain/index.ts";
import { can } from "../access/permissions.ts";
import type { Identity } from "../auth.ts";
import { type AccountsOptions, SESSION_COOKIE } from "./session.ts";

/** The value of one cookie in a Cookie header. */
function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * Accounts mode on a collaboration websocket: the session cookie of the upgrade request, an
 * Origin that is exactly ours (no cross-site websocket hijacking) and membership of the
 * collaboration server's workspace with `map.read`. `canEdit` says whether `map.edit` holds:
 * connections without it are read-only. This is the permission table's answer, as for HTTP.
 */
export async function identifyCollabRequest(
  req: IncomingMessage,
  opts: AccountsOptions,
  workspaceId: string,
): Promise<Identity & { canEdit: boolean }> {
  const host = req.headers.host ?? "";
  const want = opts.publicOrigin ?? `http://${host}`;
  if (req.headers.origin !== want) throw new WaylineError("forbidden", "cross-origin websocket refused");
  const id = cookie(req.headers.cookie, SESSION_COOKIE);
  const s = id ? await opts.store.accounts.session(id, opts.now().toISOString()) : undefined;
  if (!s) throw new WaylineError("unauthorized", "sign in first");
  const role = await opts.store.members.roleOf(workspaceId, s.user.id);
  const who = role ? { name: s.user.email, role, workspaceId, userId: s.user.id } : undefined;
  if (!who || !can(who, "map.read", { workspaceId })) throw new WaylineError("not_found", "no such map");
  return { ...who, canEdit: can(who, "map.edit", { workspaceId }) };
}
