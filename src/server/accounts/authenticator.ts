import type { Context } from "hono";
import { WaylineError } from "../../domain/index.ts";
import type { Role } from "../../domain/roles.ts";
import type { Membership } from "../../storage/members.ts";
import { type Authenticator, tokenAuthenticator } from "../auth.ts";
import {
  type AccountsOptions,
  guardCookieWrite,
  readSession,
  type SignedIn,
  WORKSPACE_HEADER,
} from "./session.ts";

/** The signed-in user of a request, or 401. Cookie-authenticated writes pass the CSRF guard. */
export async function requireSession(c: Context, opts: AccountsOptions): Promise<SignedIn> {
  const s = await readSession(c, opts);
  if (!s) throw new WaylineError("unauthorized", "sign in first");
  guardCookieWrite(c, opts, s.csrf);
  return s;
}

/**
 * The caller's current workspace: the one named by `X-Wayline-Workspace`, else their first.
 * Not being a member answers 404 like a workspace that does not exist (ids do not leak).
 */
export function currentWorkspace(memberships: Membership[], wanted: string | undefined): Membership {
  const pick = wanted ? memberships.find((m) => m.id === wanted) : memberships[0];
  if (!pick)
    throw wanted
      ? new WaylineError("not_found", `no workspace "${wanted}"`)
      : new WaylineError("forbidden", "you are not a member of any workspace yet; open an invitation link");
  return pick;
}

/** The role of a user in a workspace, or 404 when they are not a member. */
export async function roleIn(opts: AccountsOptions, workspaceId: string, userId: string): Promise<Role> {
  const role = await opts.store.members.roleOf(workspaceId, userId);
  if (!role) throw new WaylineError("not_found", `no workspace "${workspaceId}"`);
  return role;
}

/**
 * Accounts mode: a session cookie (the web app) or a bearer API token (scripts; a token acts in
 * its workspace with its role). The identity's role is the one the
 * user holds in their current workspace.
 */
export function accountAuthenticator(opts: AccountsOptions): Authenticator {
  const tokens = tokenAuthenticator(opts.store.tokens);
  return async (c) => {
    if (c.req.header("authorization")) {
      // A token acts in its own workspace with its own role.
      return tokens(c);
    }
    const s = await requireSession(c, opts);
    const ws = currentWorkspace(
      await opts.store.members.workspacesOf(s.user.id),
      c.req.header(WORKSPACE_HEADER),
    );
    return { name: s.user.email, role: ws.role, workspaceId: ws.id, userId: s.user.id };
  };
}
