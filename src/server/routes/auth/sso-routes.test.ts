import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID } from "../../../storage/workspaces.ts";
import { ORIGIN, useAccountsApi } from "../../accounts/test-accounts.ts";
import { OidcClient } from "../../sso/oidc.ts";
import { type SsoConfig, SsoConfigSchema, ssoConfigFromEnv } from "../../sso/sso-config.ts";
import { startTestIdp, type TestIdp } from "../../sso/test-provider.ts";

const REDIRECT = `${ORIGIN}/api/auth/sso/callback`;

/** Follows the provider's redirects (with its cookies) until it sends the browser back to Wayline. */
async function throughProvider(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 15; hop++) {
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k.trim(), v.join("="));
    }
    const next = res.headers.get("location");
    if (!next) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
    const abs = new URL(next, url);
    if (abs.href.startsWith(REDIRECT)) return abs;
    url = abs.href;
  }
  throw new Error("too many redirects at the provider");
}

describe("single sign-on against a real OpenID Connect provider", () => {
  let idp: TestIdp;
  const t = useAccountsApi();
  beforeAll(async () => {
    idp = await startTestIdp([REDIRECT]);
  });
  afterAll(async () => idp.close());

  let settings: SsoConfig;
  beforeEach(async () => {
    settings = SsoConfigSchema.parse({
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUrl: REDIRECT,
      name: "Acme ID",
      allowHttp: true,
    });
    t.options.sso = new OidcClient(settings);
    await t.user("owner@acme.test"); // setup is done: an owner exists
  });

  /** Starts at Wayline, signs in at the provider, comes back; returns the callback's answer. */
  const signOn = async (returnTo = "/maps/m1") => {
    const start = await t.api.call("GET", `/api/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const auth = new URL(start.headers.get("location") ?? "");
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("state")).toBeTruthy();
    expect(auth.searchParams.get("nonce")).toBeTruthy();
    const flow = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const back = await throughProvider(auth.href);
    const cb = await t.api.call("GET", back.pathname + back.search, undefined, { cookie: flow });
    return { cb, back, flow };
  };
  const sessionOf = (h: Headers) => /wl_session=[^;]+/.exec(h.get("set-cookie") ?? "")?.[0];

  it("signs in an existing account matched by verified e-mail and returns to the page", async () => {
    const login = await t.api.call("GET", "/api/auth/sso");
    expect(login.json).toEqual({ enabled: true, name: "Acme ID" });
    idp.signInAs({ sub: "u-owner", email: "Owner@Acme.test", emailVerified: true, name: "Olga" });
    const { cb } = await signOn("/maps/m1");
    expect(cb.status).toBe(302);
    expect(cb.headers.get("location")).toBe("/maps/m1");
    const cookie = sessionOf(cb.headers);
    expect(cookie).toBeDefined();
    const me = await t.api.call("GET", "/api/auth/me", undefined, { cookie: cookie ?? "" });
    expect(me.json.user.email).toBe("owner@acme.test");
    expect(me.json.workspaces.map((w: { id: string }) => w.id)).toEqual([DEFAULT_WORKSPACE_ID]);
  });

  it("creates a new account in the configured default workspace with its role, else refuses", async () => {
    idp.signInAs({ sub: "u-new", email: "nina@acme.test", emailVerified: true, name: "Nina" });
    const refused = await signOn();
    expect(refused.cb.headers.get("location")).toBe("/?sso_error=no_workspace");
    expect(await t.store.accounts.findByEmail("nina@acme.test")).toBeUndefined();
    settings.defaultWorkspace = DEFAULT_WORKSPACE_ID;
    settings.defaultRole = "commenter";
    const { cb } = await signOn();
    expect(cb.headers.get("location")).toBe("/maps/m1");
    const nina = await t.store.accounts.findByEmail("nina@acme.test");
    expect(nina?.name).toBe("Nina");
    expect(await t.store.members.roleOf(DEFAULT_WORKSPACE_ID, nina?.id ?? "")).toBe("commenter");
    // No password was set: the password form does not let anyone in as Nina.
    const pw = await t.api.post(
      "/api/auth/login",
      { email: "nina@acme.test", password: "" },
      { origin: ORIGIN },
    );
    expect(pw.status).toBe(400);
  });

  it("lets a new person in through a pending invitation, who then accepts it", async () => {
    const owner = await t.login("owner@acme.test");
    const inv = await owner.call("POST", `/api/workspaces/${DEFAULT_WORKSPACE_ID}/invitations`, {
      role: "editor",
    });
    idp.signInAs({ sub: "u-inv", email: "ivan@acme.test", emailVerified: true, name: "Ivan" });
    const { cb } = await signOn(`/invite/${inv.json.token}`);
    expect(cb.headers.get("location")).toBe(`/invite/${inv.json.token}`);
    const cookie = sessionOf(cb.headers) ?? "";
    const accepted = await t.api.call(
      "POST",
      `/api/invitations/${inv.json.token}/accept`,
      {},
      { cookie, origin: ORIGIN },
    );
    expect(accepted.status).toBeLessThan(300);
    const ivan = await t.store.accounts.findByEmail("ivan@acme.test");
    expect(await t.store.members.roleOf(DEFAULT_WORKSPACE_ID, ivan?.id ?? "")).toBe("editor");
  });

  it("refuses unverified e-mails, other domains, replayed or forged callbacks", async () => {
    settings.defaultWorkspace = DEFAULT_WORKSPACE_ID;
    idp.signInAs({ sub: "u-unv", email: "una@acme.test", emailVerified: false, name: "Una" });
    expect((await signOn()).cb.headers.get("location")).toBe("/?sso_error=unverified");
    settings.allowedDomains = ["acme.test"];
    idp.signInAs({ sub: "u-ext", email: "eve@evil.test", emailVerified: true, name: "Eve" });
    expect((await signOn()).cb.headers.get("location")).toBe("/?sso_error=domain");
    expect(await t.store.accounts.findByEmail("eve@evil.test")).toBeUndefined();
    // Replaying the same callback: the flow was single use.
    idp.signInAs({ sub: "u-ok", email: "ola@acme.test", emailVerified: true, name: "Ola" });
    const ok = await signOn();
    expect(ok.cb.status).toBe(302);
    const again = await t.api.call("GET", ok.back.pathname + ok.back.search, undefined, { cookie: ok.flow });
    expect(again.headers.get("location")).toBe("/?sso_error=expired");
    // A callback with another flow's cookie (login CSRF): state does not match.
    const start = await t.api.call("GET", "/api/auth/sso/start");
    const otherFlow = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const mine = await signOn();
    const forged = await t.api.call("GET", mine.back.pathname + mine.back.search, undefined, {
      cookie: otherFlow,
    });
    expect(forged.headers.get("location")).toBe("/?sso_error=failed");
    expect(sessionOf(forged.headers)).toBeUndefined();
  });

  it("reads its settings from the environment and names what is missing", () => {
    expect(ssoConfigFromEnv({})).toBeUndefined();
    expect(() => ssoConfigFromEnv({ WAYLINE_SSO_ISSUER: "https://id.acme.test" })).toThrow(
      /WAYLINE_SSO_CLIENT_ID/,
    );
    expect(() =>
      ssoConfigFromEnv(
        {
          WAYLINE_SSO_ISSUER: "http://id.acme.test",
          WAYLINE_SSO_CLIENT_ID: "a",
          WAYLINE_SSO_CLIENT_SECRET: "b",
        },
        "https://w.acme.test",
      ),
    ).toThrow(/must be https/);
    const cfg = ssoConfigFromEnv(
      {
        WAYLINE_SSO_ISSUER: "https://id.acme.test",
        WAYLINE_SSO_CLIENT_ID: "a",
        WAYLINE_SSO_CLIENT_SECRET: "b",
        WAYLINE_SSO_ALLOWED_DOMAINS: "Acme.test, acme.io",
        WAYLINE_SSO_DEFAULT_WORKSPACE: "default",
      },
      "https://w.acme.test",
    );
    expect(cfg).toMatchObject({
      redirectUrl: "https://w.acme.test/api/auth/sso/callback",
      allowedDomains: ["acme.test", "acme.io"],
      defaultRole: "viewer",
      name: "SSO",
    });
    expect(() =>
      ssoConfigFromEnv(
        {
          WAYLINE_SSO_ISSUER: "https://i.t",
          WAYLINE_SSO_CLIENT_ID: "a",
          WAYLINE_SSO_CLIENT_SECRET: "b",
          WAYLINE_SSO_DEFAULT_ROLE: "owner",
        },
        "https://w.t",
      ),
    ).toThrow(/WAYLINE_SSO_DEFAULT_ROLE/);
  });
});
