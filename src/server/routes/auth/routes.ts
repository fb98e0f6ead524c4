import { type Context, Hono } from "hono";
import { WaylineError } from "../../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID } from "../../../storage/workspaces.ts";
import { can } from "../../access/permissions.ts";
import { requireSession } from "../../accounts/authenticator.ts";
import { hashPassword, verifyPassword } from "../../accounts/passwords.ts";
import {
  type AccountsOptions,
  clearSessionCookie,
  clientAddress,
  guardCookieWrite,
  readSession,
  type SignedIn,
  signIn,
} from "../../accounts/session.ts";
import { body } from "../../validate.ts";
import { LoginSchema, PasswordChangeSchema, ResetLinkSchema, ResetSchema, SetupSchema } from "./schema.ts";
import { ssoRoutes } from "./sso-routes.ts";

/** What the web app learns about the signed-in user. */
async function me(opts: AccountsOptions, s: SignedIn) {
  return {
    mode: "accounts" as const,
    user: s.user,
    csrf: s.csrf,
    workspaces: await opts.store.members.workspacesOf(s.user.id),
  };
}

/** Setup runs at most once at a time, so two first owners cannot race. */
let setupQueue: Promise<unknown> = Promise.resolve();

async function setup(c: Context, opts: AccountsOptions) {
  guardCookieWrite(c, opts, undefined);
  const input = await body(c, SetupSchema);
  const run = setupQueue.then(async () => {
    if ((await opts.store.accounts.count()) > 0)
      throw new WaylineError("conflict", "setup is done: an owner exists; sign in instead");
    const passwordHash = await hashPassword(input.password);
    const name = input.name ?? input.email.split("@")[0] ?? input.email;
    return opts.store.accounts.createUser(
      { email: input.email, name, passwordHash },
      opts.now().toISOString(),
    );
  });
  setupQueue = run.catch(() => {});
  const user = await run;
  return c.json(await me(opts, await signIn(c, opts, user)), 201);
}

async function login(c: Context, opts: AccountsOptions) {
  guardCookieWrite(c, opts, undefined);
  const { email, password } = await body(c, LoginSchema);
  const account = email.toLowerCase();
  const address = clientAddress(c);
  await opts.limiter.check(account, address);
  const user = await opts.store.accounts.findByEmail(account);
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await opts.limiter.fail(account, address);
    throw new WaylineError("unauthorized", "wrong e-mail or password");
  }
  await opts.limiter.succeed(account);
  const { passwordHash: _, ...plain } = user;
  return c.json(await me(opts, await signIn(c, opts, plain)));
}

async function changePassword(c: Context, opts: AccountsOptions) {
  const s = await requireSession(c, opts);
  const { current, next } = await body(c, PasswordChangeSchema);
  const user = await opts.store.accounts.findById(s.user.id);
  if (!(await verifyPassword(user?.passwordHash, current)))
    throw new WaylineError("forbidden", "the current password is wrong");
  // Changing the password ends every session (a thief's too); this browser gets a fresh one.
  await opts.store.accounts.setPassword(s.user.id, await hashPassword(next));
  return c.json(await me(opts, await signIn(c, opts, s.user)));
}

async function issueResetLink(c: Context, opts: AccountsOptions) {
  const s = await requireSession(c, opts);
  const role = await opts.store.members.roleOf(DEFAULT_WORKSPACE_ID, s.user.id);
  if (!role || !can({ role }, "server.admin"))
    throw new WaylineError("forbidden", "only owners of the default workspace issue reset links");
  const { email, hours } = await body(c, ResetLinkSchema);
  const user = await opts.store.accounts.findByEmail(email);
  if (!user) throw new WaylineError("not_found", `no account "${email}"`);
  const now = opts.now();
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  const token = await opts.store.accounts.issueReset(user.id, now.toISOString(), expiresAt);
  return c.json({ token, path: `/reset/${token}`, expiresAt }, 201);
}

async function reset(c: Context, opts: AccountsOptions) {
  guardCookieWrite(c, opts, undefined);
  const { token, password } = await body(c, ResetSchema);
  const userId = await opts.store.accounts.consumeReset(token, opts.now().toISOString());
  if (!userId) throw new WaylineError("not_found", "this reset link is unknown, used or expired");
  await opts.store.accounts.setPassword(userId, await hashPassword(password));
  return c.body(null, 204);
}

/** `/api/auth/*` of accounts mode. */
export function authRoutes(opts: AccountsOptions): Hono {
  const r = new Hono();
  r.get("/setup", async (c) => c.json({ needed: (await opts.store.accounts.count()) === 0 }));
  r.post("/setup", (c) => setup(c, opts));
  r.post("/login", (c) => login(c, opts));
  r.post("/logout", async (c) => {
    const s = await requireSession(c, opts);
    await opts.store.accounts.endSession(s.sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  r.post("/logout-all", async (c) => {
    const s = await requireSession(c, opts);
    await opts.store.accounts.endAllSessions(s.user.id);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  r.get("/me", async (c) => {
    const s = await readSession(c, opts);
    if (!s) throw new WaylineError("unauthorized", "sign in first");
    return c.json(await me(opts, s));
  });
  r.post("/password", (c) => changePassword(c, opts));
  r.post("/reset-links", (c) => issueResetLink(c, opts));
  r.post("/reset", (c) => reset(c, opts));
  r.route("/", ssoRoutes(opts));
  return r;
}
