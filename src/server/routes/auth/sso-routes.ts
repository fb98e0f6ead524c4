import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { WaylineError } from "../../../domain/index.ts";
import { newSecret } from "../../../storage/accounts.ts";
import { type AccountsOptions, expectedOrigin, signIn } from "../../accounts/session.ts";

/** Cookie binding a browser to its sign-on flow (httpOnly, 10 minutes). */
const FLOW_COOKIE = "wl_sso";
const FLOW_MS = 10 * 60_000;

/** Why a sign-on was refused: the login page shows the matching sentence (never provider text). */
export type SsoRefusal = "expired" | "failed" | "unverified" | "domain" | "no_workspace" | "setup";

/** A same-site path to return to (no other host, no scheme tricks), else "/". */
export function safeReturnPath(raw: string | undefined): string {
  if (!raw || raw.length > 500 || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\"))
    return "/";
  return raw;
}

const refuse = (c: Context, why: SsoRefusal) => c.redirect(`/?sso_error=${why}`, 302);

/** The account of a verified e-mail: existing, or created when an invitation or the default workspace lets them in. */
async function accountFor(
  opts: AccountsOptions,
  email: string,
  name: string | undefined,
  returnTo: string,
): Promise<Awaited<ReturnType<AccountsOptions["store"]["accounts"]["findByEmail"]>> | SsoRefusal> {
  const store = opts.store;
  const existing = await store.accounts.findByEmail(email);
  if (existing) return existing;
  const sso = opts.sso?.settings;
  if ((await store.accounts.count()) === 0) return "setup";
  const now = opts.now().toISOString();
  const invite = /^\/invite\/([^/?#]+)$/.exec(returnTo)?.[1];
  const invited = invite ? await store.members.openInvitation(decodeURIComponent(invite), now) : undefined;
  const fallback = sso?.defaultWorkspace ? await store.workspaces.get(sso.defaultWorkspace) : undefined;
  if (!invited && !fallback) return "no_workspace";
  // No password: SSO accounts sign in through the provider (an owner may issue a reset link).
  const user = await store.accounts.createUser(
    { email, name: name?.trim().slice(0, 120) || email.split("@")[0] || email, passwordHash: "" },
    now,
  );
  // With an invitation the invitation page makes them a member; otherwise the default workspace.
  if (!invited && fallback && sso) await store.members.setRole(fallback.id, user.id, sso.defaultRole, now);
  return { ...user, passwordHash: "" };
}

/** `/api/auth/sso…`: single sign-on with OpenID Connect (authorization code, PKCE, state, nonce). */
export function ssoRoutes(opts: AccountsOptions): Hono {
  const r = new Hono();
  r.get("/sso", (c) => c.json({ enabled: Boolean(opts.sso), name: opts.sso?.settings.name ?? null }));
  r.get("/sso/start", async (c) => {
    if (!opts.sso) throw new WaylineError("not_found", "single sign-on is not configured on this server");
    const { flow, url } = await opts.sso.start();
    const cookie = newSecret("");
    const now = opts.now();
    const returnTo = safeReturnPath(c.req.query("returnTo"));
    await opts.store.ssoLogins.save(
      cookie,
      { ...flow, returnTo },
      now.toISOString(),
      new Date(now.getTime() + FLOW_MS).toISOString(),
    );
    setCookie(c, FLOW_COOKIE, cookie, {
      httpOnly: true,
      sameSite: "Lax",
      secure: expectedOrigin(c, opts).startsWith("https:"),
      path: "/api/auth/sso",
      maxAge: FLOW_MS / 1000,
    });
    return c.redirect(url, 302);
  });
  r.get("/sso/callback", async (c) => {
    if (!opts.sso) throw new WaylineError("not_found", "single sign-on is not configured on this server");
    const cookie = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: "/api/auth/sso" });
    const flow = cookie ? await opts.store.ssoLogins.take(cookie, opts.now().toISOString()) : undefined;
    if (!flow) return refuse(c, "expired");
    let claims: Awaited<ReturnType<NonNullable<AccountsOptions["sso"]>["finish"]>>;
    try {
      // The provider's parameters on the registered redirect URL (behind a proxy c.req.url may differ).
      const url = new URL(opts.sso.settings.redirectUrl);
      url.search = new URL(c.req.url).search;
      claims = await opts.sso.finish(url, flow);
    } catch {
      return refuse(c, "failed");
    }
    const email = claims.email.trim().toLowerCase();
    if (!email || !claims.emailVerified) return refuse(c, "unverified");
    const domains = opts.sso.settings.allowedDomains;
    if (domains.length > 0 && !domains.includes(email.split("@")[1] ?? "")) return refuse(c, "domain");
    const account = await accountFor(opts, email, claims.name, flow.returnTo);
    if (typeof account === "string") return refuse(c, account);
    if (!account) return refuse(c, "failed");
    const { passwordHash: _, ...user } = account;
    await signIn(c, opts, user);
    return c.redirect(flow.returnTo, 302);
  });
  return r;
}
