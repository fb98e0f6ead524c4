import type * as Oidc from "openid-client";

/** openid-client, loaded when single sign-on is first used (server start-up stays short). */
const lib = () => import("openid-client");

import type { SsoConfig } from "./sso-config.ts";

/** What the provider says about the person who signed in. */
export interface SsoClaims {
  email: string;
  emailVerified: boolean;
  name?: string | undefined;
}

/** One authorization-code flow's secrets, kept server-side until the callback. */
export interface SsoFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The OpenID Connect relying party: discovery (cached; retried after a failure), the
 * authorization URL with PKCE (S256), state and nonce, and the code exchange that checks all three
 * and the ID token's signature, issuer, audience and expiry (openid-client does).
 */
export class OidcClient {
  private config: Promise<Oidc.Configuration> | undefined;
  constructor(readonly settings: SsoConfig) {}

  private discover(): Promise<Oidc.Configuration> {
    const s = this.settings;
    this.config ??= lib()
      .then((oidc) =>
        oidc.discovery(
          new URL(s.issuer),
          s.clientId,
          s.clientSecret,
          undefined,
          s.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
        ),
      )
      .catch((e) => {
        this.config = undefined;
        throw e;
      });
    return this.config;
  }

  /** A new flow and the provider URL that starts it. */
  async start(): Promise<{ flow: SsoFlow; url: string }> {
    const config = await this.discover();
    const oidc = await lib();
    const flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: "openid email profile",
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
    });
    return { flow, url: url.href };
  }

  /** Exchanges the callback's code; throws when state, nonce, PKCE or the ID token do not check out. */
  async finish(callbackUrl: URL, flow: SsoFlow): Promise<SsoClaims> {
    const config = await this.discover();
    const oidc = await lib();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error("the provider sent no ID token");
    // Providers may keep e-mail and name out of the ID token: then ask UserInfo (same subject).
    const claims =
      typeof idClaims.email === "string"
        ? idClaims
        : await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return {
      email: typeof claims.email === "string" ? claims.email : "",
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === "string" ? claims.name : undefined,
    };
  }
}
