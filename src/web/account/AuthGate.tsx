import { type ReactNode, useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/request.ts";
import { usePath } from "../router.ts";
import { InvitePage } from "../workspace/InvitePage.tsx";
import { InviteSignupPage } from "../workspace/InviteSignupPage.tsx";
import { MembersPage } from "../workspace/MembersPage.tsx";
import { authApi, type Me } from "./auth-api.ts";
import { LoginPage, ResetPage, SetupPage } from "./LoginPage.tsx";
import { TeamContext, type TeamState } from "./team-context.ts";
import { currentWorkspace, setCsrf, setCurrentWorkspace } from "./team-session.ts";

type Gate =
  | { kind: "loading" }
  | { kind: "open" }
  | { kind: "setup" }
  | { kind: "login" }
  | { kind: "failed"; message: string }
  | { kind: "in"; me: Extract<Me, { mode: "accounts" }> };

/** Remembers the session's CSRF token and keeps the current workspace one the user is in. */
function enter(me: Extract<Me, { mode: "accounts" }>): Gate {
  setCsrf(me.csrf);
  if (!me.workspaces.some((w) => w.id === currentWorkspace()))
    setCurrentWorkspace(me.workspaces[0]?.id ?? null);
  return { kind: "in", me };
}

/**
 * Accounts mode in front of the app: setup (first owner), login, reset and invitation pages, and
 * the members page; the app itself once signed in. In local and token mode it renders the app.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const path = usePath();
  const [gate, setGate] = useState<Gate>({ kind: "loading" });
  const load = useCallback(async () => {
    try {
      const me = await authApi.me();
      setGate(me.mode === "accounts" ? enter(me) : { kind: "open" });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401)
        return setGate({ kind: "failed", message: (e as Error).message });
      const { needed } = await authApi.setupNeeded();
      setGate({ kind: needed ? "setup" : "login" });
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  const signedIn = (me: Me) => (me.mode === "accounts" ? setGate(enter(me)) : load());
  const reset = /^\/reset\/([^/]+)$/.exec(path)?.[1];
  if (reset) return <ResetPage token={reset} onDone={() => window.location.assign("/")} />;
  if (gate.kind === "loading") return <p className="muted">Loading…</p>;
  if (gate.kind === "failed") return <p className="error">Could not reach Wayline: {gate.message}</p>;
  if (gate.kind === "open") return children;
  if (gate.kind === "setup") return <SetupPage onSignedIn={signedIn} />;
  const invited = /^\/invite\/([^/]+)$/.exec(path)?.[1];
  if (gate.kind === "login")
    return invited ? (
      <InviteSignupPage token={invited} onSignedIn={signedIn} />
    ) : (
      <LoginPage onSignedIn={signedIn} />
    );
  const team: TeamState = {
    me: gate.me,
    current: gate.me.workspaces.find((w) => w.id === currentWorkspace()),
    reload: load,
  };
  const invite = /^\/invite\/([^/]+)$/.exec(path)?.[1];
  let page: ReactNode = children;
  if (invite) page = <InvitePage token={invite} />;
  else if (path === "/workspace/members") page = <MembersPage />;
  else if (!team.current)
    page = (
      <p className="muted">
        You are not a member of any workspace yet: open an invitation link from your team.
      </p>
    );
  return <TeamContext.Provider value={team}>{page}</TeamContext.Provider>;
}
