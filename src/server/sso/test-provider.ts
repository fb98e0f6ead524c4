import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A person known to the test identity provider. */
export interface TestIdpUser {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  /** The password typed on the provider's login page (interactive mode). */
  password?: string;
}

/** A real OpenID Connect provider (oidc-provider) on a free loopback port, for tests. */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider next (the interaction logs them in and consents). */
  signInAs(user: TestIdpUser): void;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider with one confidential client whose redirect URI is `redirectUri`. Its login
 * and consent interaction is finished programmatically for the user given to `signInAs`, the way a
 * person would finish it in the provider's own pages.
 */
export async function startTestIdp(
  redirectUris: string[],
  opts: { interactive?: boolean } = {},
): Promise<TestIdp> {
  const users = new Map<string, TestIdpUser>();
  let next: TestIdpUser | undefined;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "wayline";
  const clientSecret = "a-test-client-secret-of-enough-length";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx, sub) => {
      const u = users.get(sub);
      return u
        ? {
            accountId: sub,
            claims: async () => ({ sub, email: u.email, email_verified: u.emailVerified, name: u.name }),
          }
        : undefined;
    },
  });
  provider.on("server_error", () => {});
  const callback = provider.callback();
  server.on("request", async (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (opts.interactive && details.prompt.name === "login") return await loginPage(req, res);
      const who = next;
      if (!who) throw new Error("test IdP: nobody to sign in (call signInAs first)");
      const grant = new provider.Grant({ accountId: who.sub, clientId });
      grant.addOIDCScope("openid email profile");
      const grantId = await grant.save();
      const result =
        details.prompt.name === "login" ? { login: { accountId: who.sub } } : { consent: { grantId } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  /**
   * Interactive mode: the provider's own login page (a plain HTML form, as a person sees it). A
   * known e-mail with its password finishes the login; anything else shows the form again with
   * an error. Consent is then granted as in the programmatic mode.
   */
  async function loginPage(
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
  ) {
    if (req.method === "POST") {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const who = [...users.values()].find(
        (u) =>
          u.email === form.get("email") && u.password !== undefined && u.password === form.get("password"),
      );
      if (who) {
        next = who;
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: who.sub } },
          { mergeWithLastSubmission: false },
        );
      }
    }
    const failed = req.method === "POST" ? '<p role="alert">Wrong e-mail or password.</p>' : "";
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>Test IdP sign-in</title><h1>Test IdP</h1>${failed}
<form method="post" aria-label="Test IdP sign-in"><label>E-mail <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label><button type="submit">Continue</button></form>`);
  }
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (u) => {
      users.set(u.sub, u);
      next = u;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
