import { useEffect, useState } from "react";
import { authApi } from "../account/auth-api.ts";
import { setCurrentWorkspace } from "../account/team-session.ts";

/** `/invite/:token` for a signed-in user: what the link offers, and Accept. */
export function InvitePage({ token }: { token: string }) {
  const [offer, setOffer] = useState<{ workspaceName: string; role: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    authApi.previewInvitation(token).then(setOffer, (e: Error) => setError(e.message));
  }, [token]);
  const accept = async () => {
    try {
      const ws = await authApi.acceptInvitation(token);
      setCurrentWorkspace(ws.id);
      window.location.assign("/");
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <main className="auth-page">
      <section className="auth-card" aria-label="Invitation">
        <h1>Invitation</h1>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {offer ? (
          <>
            <p>
              Join <strong>{offer.workspaceName}</strong> as {offer.role}.
            </p>
            <button type="button" className="btn primary" onClick={accept}>
              Accept invitation
            </button>
          </>
        ) : null}
      </section>
    </main>
  );
}
