import { useEffect, useState } from "react";
import { AuthForm, Field } from "../account/AuthForm.tsx";
import type { Me } from "../account/auth-api.ts";
import { LoginPage } from "../account/LoginPage.tsx";
import { setCurrentWorkspace } from "../account/team-session.ts";
import { accessApi } from "./access-api.ts";

const text = (d: FormData, k: string) => String(d.get(k) ?? "");

/**
 * `/invite/:token` for someone not signed in: create an account (name, e-mail, password) and land
 * in the workspace with the invited role, or sign in with an existing account and accept. Used,
 * revoked and expired links say so instead of showing the form.
 */
export function InviteSignupPage({ token, onSignedIn }: { token: string; onSignedIn: (me: Me) => void }) {
  const [offer, setOffer] = useState<{ workspaceName: string; role: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signIn, setSignIn] = useState(false);
  useEffect(() => {
    accessApi.invitationOffer(token).then(setOffer, (e: Error) => setError(e.message));
  }, [token]);
  if (signIn) return <LoginPage onSignedIn={onSignedIn} />;
  if (error)
    return (
      <main className="auth-page">
        <section className="auth-card" aria-label="Invitation">
          <h1>Invitation</h1>
          <p className="error" role="alert">
            {error}
          </p>
          <p className="muted">Ask the person who invited you for a new link.</p>
        </section>
      </main>
    );
  if (!offer) return <p className="muted">Loading…</p>;
  return (
    <AuthForm
      title="Join Wayline"
      submit="Create account and join"
      intro={
        <>
          <p>
            Join <strong>{offer.workspaceName}</strong> as {offer.role}.
          </p>
          <p className="muted">
            Have an account?{" "}
            <button type="button" className="btn ghost" onClick={() => setSignIn(true)}>
              Sign in instead
            </button>
          </p>
        </>
      }
      onSubmit={async (d) => {
        const ws = await accessApi.signup(token, {
          name: text(d, "name"),
          email: text(d, "email"),
          password: text(d, "password"),
        });
        setCurrentWorkspace(ws.id);
        window.location.assign("/");
      }}
    >
      <Field label="Name" name="name" autoComplete="name" />
      <Field label="E-mail" name="email" type="email" autoComplete="username" />
      <Field
        label="Password (at least 10 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
      />
    </AuthForm>
  );
}
