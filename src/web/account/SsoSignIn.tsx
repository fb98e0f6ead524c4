import { KeyRound } from "lucide-react";
import { useEffect, useState } from "react";
import { request } from "../api/request.ts";

/** What each refusal of the sign-on callback means (the server sends only these codes). */
const REFUSALS: Record<string, string> = {
  expired: "The sign-in took too long or was already used. Please try again.",
  failed: "Single sign-on did not complete. Please try again.",
  unverified:
    "Your identity provider did not confirm your e-mail address, so Wayline cannot match your account.",
  domain: "Your e-mail domain is not allowed to sign in here. Ask an owner of this Wayline server.",
  no_workspace:
    "You have no Wayline account yet and no workspace takes new members automatically. Ask your team for an invitation link, then sign in again from it.",
  setup: "This Wayline server is not set up yet: its first owner signs up with e-mail and password.",
};

/**
 * "Sign in with <provider>" on the login page when single sign-on is configured, and the reason
 * of a refused sign-on (`?sso_error=` on return). After sign-in the browser comes back to this page.
 */
export function SsoSignIn() {
  const [sso, setSso] = useState<{ enabled: boolean; name: string | null } | null>(null);
  useEffect(() => {
    request<{ enabled: boolean; name: string | null }>("GET", "/api/auth/sso").then(setSso, () =>
      setSso(null),
    );
  }, []);
  const code = new URLSearchParams(window.location.search).get("sso_error");
  const returnTo = window.location.pathname === "/" ? "/" : window.location.pathname;
  return (
    <>
      {code ? (
        <p className="error" role="alert">
          {REFUSALS[code] ?? REFUSALS.failed}
        </p>
      ) : null}
      {sso?.enabled ? (
        <a className="btn sso-button" href={`/api/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`}>
          <KeyRound aria-hidden="true" size={16} /> Sign in with {sso.name}
        </a>
      ) : null}
    </>
  );
}
