import { type Context, Hono } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import { atLeast, type Role } from "../../../domain/roles.ts";
import { type Action, can } from "../../access/permissions.ts";
import { requireSession, roleIn } from "../../accounts/authenticator.ts";
import { hashPassword } from "../../accounts/passwords.ts";
import { type AccountsOptions, guardCookieWrite, type SignedIn, signIn } from "../../accounts/session.ts";
import { body } from "../../validate.ts";
import {
  CreateTokenSchema,
  CreateWorkspaceSchema,
  InvitationSignupSchema,
  InviteSchema,
  SetRoleSchema,
} from "./schema.ts";

/** The signed-in member of the path's workspace, allowed to take `action` there (else 404/403). */
async function member(c: Context, opts: AccountsOptions, action: Action): Promise<SignedIn & { role: Role }> {
  const s = await requireSession(c, opts);
  const ws = c.req.param("ws") ?? "";
  const role = await roleIn(opts, ws, s.user.id);
  if (!can({ role, workspaceId: ws }, action, { workspaceId: ws }))
    throw new WaylineError("forbidden", `your role (${role}) may not ${action}`, { action });
  return { ...s, role };
}

/** Owners alone grant, change or remove the owner role; the last owner stays. */
async function guardOwnerChange(
  opts: AccountsOptions,
  ws: string,
  actor: Role,
  target: Role | undefined,
  next: Role | undefined,
): Promise<void> {
  if ((target === "owner" || next === "owner") && !can({ role: actor }, "members.owners"))
    throw new WaylineError("forbidden", "only an owner can grant, change or remove the owner role");
  if (target === "owner" && next !== "owner" && (await opts.store.members.ownerCount(ws)) <= 1)
    throw new WaylineError("conflict", "a workspace keeps at least one owner");
}

function workspaceRoutes(r: Hono, opts: AccountsOptions): void {
  const now = () => opts.now().toISOString();
  r.get("/workspaces", async (c) => {
    const s = await requireSession(c, opts);
    return c.json(await opts.store.members.workspacesOf(s.user.id));
  });
  r.post("/workspaces", async (c) => {
    const s = await requireSession(c, opts);
    const { name } = await body(c, CreateWorkspaceSchema);
    return c.json(await opts.store.members.createWorkspace(name, s.user.id, now()), 201);
  });
  r.get("/workspaces/:ws/members", async (c) => {
    await member(c, opts, "members.read");
    return c.json(await opts.store.members.list(c.req.param("ws")));
  });
  r.patch("/workspaces/:ws/members/:userId", async (c) => {
    const me = await member(c, opts, "members.manage");
    const { ws, userId } = c.req.param();
    const { role } = await body(c, SetRoleSchema);
    const target = await opts.store.members.roleOf(ws, userId);
    if (!target) throw new WaylineError("not_found", "no such member");
    await guardOwnerChange(opts, ws, me.role, target, role);
    await opts.store.members.setRole(ws, userId, role, now());
    return c.json({ userId, role });
  });
  r.delete("/workspaces/:ws/members/:userId", async (c) => {
    const me = await member(c, opts, "members.manage");
    const { ws, userId } = c.req.param();
    const target = await opts.store.members.roleOf(ws, userId);
    if (!target) throw new WaylineError("not_found", "no such member");
    await guardOwnerChange(opts, ws, me.role, target, undefined);
    await opts.store.members.remove(ws, userId);
    return c.body(null, 204);
  });
}

function invitationRoutes(r: Hono, opts: AccountsOptions): void {
  r.get("/workspaces/:ws/invitations", async (c) => {
    await member(c, opts, "members.manage");
    return c.json(await opts.store.members.invitations(c.req.param("ws")));
  });
  r.post("/workspaces/:ws/invitations", async (c) => {
    const me = await member(c, opts, "members.manage");
    const { role, days } = await body(c, InviteSchema);
    await guardOwnerChange(opts, c.req.param("ws"), me.role, undefined, role);
    const at = opts.now();
    const expires = new Date(at.getTime() + days * 86_400_000).toISOString();
    const out = await opts.store.members.invite(
      c.req.param("ws"),
      role,
      me.user.id,
      at.toISOString(),
      expires,
    );
    return c.json({ ...out.invitation, token: out.token, path: `/invite/${out.token}` }, 201);
  });
  r.delete("/workspaces/:ws/invitations/:id", async (c) => {
    await member(c, opts, "members.manage");
    if (!(await opts.store.members.revokeInvitation(c.req.param("ws"), c.req.param("id"))))
      throw new WaylineError("not_found", "no such invitation");
    return c.body(null, 204);
  });
  r.get("/invitations/:token", async (c) => {
    await requireSession(c, opts);
    const inv = await opts.store.members.openInvitation(c.req.param("token"), opts.now().toISOString());
    if (!inv) throw new WaylineError("not_found", "this invitation is unknown, used or expired");
    return c.json({
      workspaceId: inv.workspaceId,
      workspaceName: inv.workspaceName,
      role: inv.role,
      expiresAt: inv.expiresAt,
    });
  });
  r.post("/invitations/:token/accept", async (c) => {
    const s = await requireSession(c, opts);
    const at = opts.now().toISOString();
    const inv = await opts.store.members.openInvitation(c.req.param("token"), at);
    if (!inv || !(await opts.store.members.markAccepted(inv.id, s.user.id, at)))
      throw new WaylineError("not_found", "this invitation is unknown, used or expired");
    // Accepting never lowers a role the user already holds there.
    const had = await opts.store.members.roleOf(inv.workspaceId, s.user.id);
    if (!had) await opts.store.members.setRole(inv.workspaceId, s.user.id, inv.role, at);
    return c.json({ id: inv.workspaceId, name: inv.workspaceName, role: had ?? inv.role });
  });
}

/**
 * Sign-up from an invitation link (public: the link is the credential). The invitee without an
 * account gives e-mail, name and password, is signed in and lands in the workspace with the
 * invited role; the link is used up in the same transaction. Used, revoked and expired links
 * answer 404; an e-mail that has an account answers 409 (sign in and accept instead).
 */
function signupRoutes(r: Hono, opts: AccountsOptions): void {
  const gone = () => new WaylineError("not_found", "this invitation is unknown, used or expired");
  r.get("/invitations/:token/signup", async (c) => {
    const inv = await opts.store.members.openInvitation(c.req.param("token"), opts.now().toISOString());
    if (!inv) throw gone();
    return c.json({ workspaceName: inv.workspaceName, role: inv.role, expiresAt: inv.expiresAt });
  });
  r.post("/invitations/:token/signup", async (c) => {
    guardCookieWrite(c, opts, undefined);
    const input = await body(c, InvitationSignupSchema);
    const at = opts.now().toISOString();
    const passwordHash = await hashPassword(input.password);
    const joined = await opts.store.transaction(async (repos) => {
      const inv = await repos.members.openInvitation(c.req.param("token"), at);
      if (!inv) throw gone();
      if (await repos.accounts.findByEmail(input.email))
        throw new WaylineError(
          "conflict",
          `an account for ${input.email} exists already: sign in, then open the invitation link again`,
        );
      const user = await repos.accounts.createUser(
        { email: input.email, name: input.name, passwordHash },
        at,
      );
      if (!(await repos.members.markAccepted(inv.id, user.id, at))) throw gone();
      await repos.members.setRole(inv.workspaceId, user.id, inv.role, at);
      return { user, workspace: { id: inv.workspaceId, name: inv.workspaceName, role: inv.role } };
    });
    await signIn(c, opts, joined.user);
    return c.json(joined.workspace, 201);
  });
}

/** A workspace's API tokens (`tokens.manage`): the secret is answered once, at creation. */
function tokenRoutes(r: Hono, opts: AccountsOptions): void {
  r.get("/workspaces/:ws/tokens", async (c) => {
    await member(c, opts, "tokens.manage");
    return c.json(await opts.store.tokens.list(c.req.param("ws")));
  });
  r.post("/workspaces/:ws/tokens", async (c) => {
    const me = await member(c, opts, "tokens.manage");
    const ws = c.req.param("ws");
    const { name, role } = await body(c, CreateTokenSchema);
    if (!atLeast(me.role, role))
      throw new WaylineError("forbidden", `a token's role cannot exceed yours (${me.role})`);
    const token = await opts.store.tokens.create(name, role, opts.now().toISOString(), ws);
    const info = await opts.store.tokens.byName(ws, name);
    return c.json({ ...info, token }, 201);
  });
  r.delete("/workspaces/:ws/tokens/:tokenId", async (c) => {
    await member(c, opts, "tokens.manage");
    const id = c.req.param("tokenId");
    if (!/^\d+$/.test(id)) throw new WaylineError("not_found", `no token numbered "${id}"`);
    await opts.store.tokens.revoke(id, c.req.param("ws"));
    return c.body(null, 204);
  });
}

/** `/api/workspaces/*` and `/api/invitations/*` of accounts mode. */
export function teamRoutes(opts: AccountsOptions): Hono {
  const r = new Hono();
  workspaceRoutes(r, opts);
  invitationRoutes(r, opts);
  tokenRoutes(r, opts);
  signupRoutes(r, opts);
  return r;
}
