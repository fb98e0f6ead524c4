import { useState } from "react";
import { Dialog } from "../ui/Dialog.tsx";
import { AuthForm, Field } from "./AuthForm.tsx";
import { authApi } from "./auth-api.ts";
import { useTeam } from "./team-context.ts";
import { setCsrf } from "./team-session.ts";

/** The account menu of the top bar: who is signed in, change password, log out (here or everywhere). */
export function AccountMenu() {
  const team = useTeam();
  const [changing, setChanging] = useState(false);
  if (!team) return null;
  const leave = async (all: boolean) => {
    await (all ? authApi.logoutAll() : authApi.logout());
    window.location.assign("/");
  };
  return (
    <details className="team-menu">
      <summary className="btn ghost" aria-label="Account">
        {team.me.user.name}
      </summary>
      <div className="team-menu-body" role="menu">
        <p className="muted">{team.me.user.email}</p>
        <button type="button" role="menuitem" className="btn ghost" onClick={() => setChanging(true)}>
          Change password
        </button>
        <button type="button" role="menuitem" className="btn ghost" onClick={() => leave(false)}>
          Log out
        </button>
        <button type="button" role="menuitem" className="btn ghost" onClick={() => leave(true)}>
          Log out everywhere
        </button>
      </div>
      {changing ? (
        <Dialog title="Change password" onClose={() => setChanging(false)}>
          <AuthForm
            title="Change password"
            submit="Change password"
            onSubmit={async (d) => {
              const me = await authApi.changePassword(String(d.get("current")), String(d.get("next")));
              if (me.mode === "accounts") setCsrf(me.csrf);
              setChanging(false);
            }}
          >
            <Field label="Current password" name="current" type="password" autoComplete="current-password" />
            <Field label="New password" name="next" type="password" autoComplete="new-password" />
          </AuthForm>
        </Dialog>
      ) : null}
    </details>
  );
}
