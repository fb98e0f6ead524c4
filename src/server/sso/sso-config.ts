import { z } from "zod";
import { invalid, problemsFromIssues } from "../../domain/index.ts";
import { RoleSchema } from "../../domain/roles.ts";

/** Single sign-on with OpenID Connect, configured by environment (see docs/guide/teams.md). */
export const SsoConfigSchema = z.strictObject({
  /** Issuer URL (`WAYLINE_SSO_ISSUER`); its `/.well-known/openid-configuration` is read. */
  issuer: z.url({ protocol: /^https?$/ }),
  /** Client id registered at the provider (`WAYLINE_SSO_CLIENT_ID`). */
  clientId: z.string().min(1).max(500),
  /** Client secret (`WAYLINE_SSO_CLIENT_SECRET`); never logged. */
  clientSecret: z.string().min(1).max(2000),
  /** Where the provider sends the browser back (`WAYLINE_SSO_REDIRECT_URL`): `<public URL>/api/auth/sso/callback`. */
  redirectUrl: z.url({ protocol: /^https?$/ }),
  /** Label of the login button: "Sign in with <name>" (`WAYLINE_SSO_NAME`, default "SSO"). */
  name: z.string().trim().min(1).max(40).default("SSO"),
  /** Only these e-mail domains may sign in (`WAYLINE_SSO_ALLOWED_DOMAINS`, comma-separated; empty = any). */
  allowedDomains: z.array(z.string().trim().toLowerCase().min(1)).default([]),
  /** New SSO users without an invitation join this workspace (`WAYLINE_SSO_DEFAULT_WORKSPACE`)… */
  defaultWorkspace: z.string().min(1).optional(),
  /** …with this role (`WAYLINE_SSO_DEFAULT_ROLE`, default viewer; never owner). */
  defaultRole: RoleSchema.exclude(["owner"]).default("viewer"),
  /** Allow an `http:` issuer (`WAYLINE_SSO_ALLOW_HTTP=1`; development and tests only). */
  allowHttp: z.boolean().default(false),
});
/** Parsed SSO settings. */
export type SsoConfig = z.infer<typeof SsoConfigSchema>;

/**
 * The SSO settings from the environment, or undefined when `WAYLINE_SSO_ISSUER` is not set. A
 * half-configured provider is an error naming each missing or bad variable.
 */
export function ssoConfigFromEnv(env: NodeJS.ProcessEnv, publicUrl?: string): SsoConfig | undefined {
  if (!env.WAYLINE_SSO_ISSUER) return undefined;
  const redirect =
    env.WAYLINE_SSO_REDIRECT_URL ||
    (publicUrl ? new URL("/api/auth/sso/callback", publicUrl).toString() : undefined);
  const raw = {
    issuer: env.WAYLINE_SSO_ISSUER,
    clientId: env.WAYLINE_SSO_CLIENT_ID,
    clientSecret: env.WAYLINE_SSO_CLIENT_SECRET,
    redirectUrl: redirect,
    name: env.WAYLINE_SSO_NAME || undefined,
    allowedDomains: env.WAYLINE_SSO_ALLOWED_DOMAINS
      ? env.WAYLINE_SSO_ALLOWED_DOMAINS.split(",").filter((d) => d.trim())
      : undefined,
    defaultWorkspace: env.WAYLINE_SSO_DEFAULT_WORKSPACE || undefined,
    defaultRole: env.WAYLINE_SSO_DEFAULT_ROLE || undefined,
    allowHttp: env.WAYLINE_SSO_ALLOW_HTTP === "1",
  };
  const r = SsoConfigSchema.safeParse(raw);
  if (!r.success) {
    const names: Record<string, string> = {
      issuer: "WAYLINE_SSO_ISSUER",
      clientId: "WAYLINE_SSO_CLIENT_ID",
      clientSecret: "WAYLINE_SSO_CLIENT_SECRET",
      redirectUrl: "WAYLINE_SSO_REDIRECT_URL (or WAYLINE_PUBLIC_URL)",
      name: "WAYLINE_SSO_NAME",
      allowedDomains: "WAYLINE_SSO_ALLOWED_DOMAINS",
      defaultWorkspace: "WAYLINE_SSO_DEFAULT_WORKSPACE",
      defaultRole: "WAYLINE_SSO_DEFAULT_ROLE",
    };
    const problems = problemsFromIssues(r.error.issues).map((p) => ({
      ...p,
      path: names[p.path.split(".")[0] ?? ""] ?? p.path,
    }));
    throw invalid("invalid_request", "invalid single sign-on configuration", problems);
  }
  if (r.data.issuer.startsWith("http:") && !r.data.allowHttp)
    throw invalid("invalid_request", "invalid single sign-on configuration", [
      {
        path: "WAYLINE_SSO_ISSUER",
        message: "must be https (WAYLINE_SSO_ALLOW_HTTP=1 allows http for development)",
      },
    ]);
  return r.data;
}
