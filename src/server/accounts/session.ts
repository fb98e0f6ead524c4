import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { WaylineError } from "../../domain/index.ts";
import type { User } from "../../storage/accounts.ts";
import type { Store } from "../../storage/store.ts";
import type { OidcClient } from "../sso/oidc.ts";
import type { LoginLimiter } from "./login-limiter.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "wl_session";
/** Header carrying the session's CSRF token on writes that are not JSON. */
export const CSRF_HEADER = "x-wayline-csrf";
/** Header naming the caller's current workspace. */
export const WORKSPACE_HEADER = "x-wayline-workspace";

/** What accounts mode needs. */
export interface AccountsOptions {
  store: Store;
  limiter: LoginLimiter;
  /** The clock (ISO strings). */
  now: () => Date;
  /** Exact origin of the web app (`WAYLINE_PUBLIC_URL`); else the request's own scheme://host. */
  publicOrigin?: string | undefined;
  /** Session lifetime (ms); default 14 days. */
  sessionMs?: number;
  /** Single sign-on (OpenID Connect), when WAYLINE_SSO_ISSUER is set. */
  sso?: OidcClient | undefined;
}

/** A signed-in request. */
export interface SignedIn {
  user: User;
  sessionId: string;
  csrf: string;
}

/** The live session of the request's cookie, or undefined. */
export async function readSession(c: Context, opts: AccountsOptions): Promise<SignedIn | undefined> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id) return undefined;
  const s = await opts.store.accounts.session(id, opts.now().toISOString());
  return s ? { user: s.user, sessionId: id, csrf: s.session.csrf_token } : undefined;
}

/** The origin cookie-authenticated writes must come from. */
export function expectedOrigin(c: Context, opts: AccountsOptions): string {
  return opts.publicOrigin ?? new URL(c.req.url).origin;
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery defence for cookie-authenticated writes: the Origin header must be
 * exactly ours (scheme, host and port), and the body must be JSON (which a plain HTML form cannot
 * send cross-site) or the request must carry the session's CSRF token.
 */
export function guardCookieWrite(c: Context, opts: AccountsOptions, csrf: string | undefined): void {
  if (!WRITES.has(c.req.method)) return;
  const origin = c.req.header("origin");
  const want = expectedOrigin(c, opts);
  if (origin !== want)
    throw new WaylineError(
      "forbidden",
      `cross-origin write refused: Origin "${origin ?? "none"}" is not ${want}`,
    );
  const json = /^application\/([\w.+-]*\+)?json\b/i.test(c.req.header("content-type") ?? "");
  if (!json && (!csrf || c.req.header(CSRF_HEADER) !== csrf))
    throw new WaylineError("forbidden", `writes without a JSON body need the ${CSRF_HEADER} header`);
}

/** Starts a session for `user` and sets the cookie (httpOnly, SameSite=Lax, Secure over https). */
export async function signIn(c: Context, opts: AccountsOptions, user: User): Promise<SignedIn> {
  const now = opts.now();
  const ms = opts.sessionMs ?? 14 * 24 * 3600_000;
  const expires = new Date(now.getTime() + ms);
  const s = await opts.store.accounts.startSession(user.id, now.toISOString(), expires.toISOString());
  setCookie(c, SESSION_COOKIE, s.id, {
    httpOnly: true,
    sameSite: "Lax",
    secure: expectedOrigin(c, opts).startsWith("https:"),
    path: "/",
    expires,
  });
  return { user, sessionId: s.id, csrf: s.csrf };
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/** The remote address of the connection ("unknown" in tests without a socket). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}
