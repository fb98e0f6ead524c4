import { useCallback, useEffect, useState } from "react";
import { atLeast, ROLES, type Role } from "../../domain/roles.ts";
import { authApi, type InvitationView, type MemberView } from "../account/auth-api.ts";
import { useTeam } from "../account/team-context.ts";
import { navigate } from "../router.ts";
import { TokensSection } from "./TokensSection.tsx";

/** Members and invitations of the current workspace; admins and owners manage them. */
export function MembersPage() {
  const team = useTeam();
  const ws = team?.current;
  const [members, setMembers] = useState<MemberView[]>([]);
  const [invites, setInvites] = useState<InvitationView[]>([]);
  const [link, setLink] = useState<string | null>(null);
  const [role, setRole] = useState<Role>("editor");
  const [error, setError] = useState<string | null>(null);
  const manage = ws ? atLeast(ws.role, "admin") : false;
  const reload = useCallback(() => {
    if (!ws) return;
    authApi.members(ws.id).then(setMembers, (e: Error) => setError(e.message));
    if (manage) authApi.invitations(ws.id).then(setInvites, (e: Error) => setError(e.message));
  }, [ws, manage]);
  useEffect(reload, [reload]);
  if (!ws) return <p className="error">No workspace.</p>;
  const run = (p: Promise<unknown>) => p.then(reload, (e: Error) => setError(e.message));
  const invite = async () => {
    const inv = await authApi.invite(ws.id, role, 7);
    setLink(`${window.location.origin}${inv.path}`);
    reload();
  };
  return (
    <main className="home-main members-page">
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate("/");
          }}
        >
          ← Maps
        </a>
      </p>
      <h1>Members of {ws.name}</h1>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <table aria-label="Members">
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>
                {manage ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    onChange={(e) => run(authApi.setRole(ws.id, m.userId, e.target.value as Role))}
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  m.role
                )}
              </td>
              <td>
                {manage && m.userId !== team?.me.user.id ? (
                  <button
                    type="button"
                    className="btn ghost"
                    onClick={() => run(authApi.removeMember(ws.id, m.userId))}
                  >
                    Remove {m.email}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manage ? (
        <section aria-label="Invitations">
          <h2>Invite by link</h2>
          <label>
            Role{" "}
            <select
              aria-label="Invitation role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>{" "}
          <button
            type="button"
            className="btn primary"
            onClick={() => invite().catch((e: Error) => setError(e.message))}
          >
            Create invitation link
          </button>
          {link ? (
            <p>
              Send this link (valid 7 days, works once): <output aria-label="Invitation link">{link}</output>
            </p>
          ) : null}
          <ul>
            {invites.map((i) => (
              <li key={i.id}>
                {i.role}, expires {i.expiresAt.slice(0, 10)} {i.acceptedBy ? "(accepted)" : ""}{" "}
                {!i.acceptedBy ? (
                  <button
                    type="button"
                    className="btn ghost"
                    onClick={() => run(authApi.revokeInvitation(ws.id, i.id))}
                  >
                    Revoke
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {manage ? <TokensSection ws={ws} /> : null}
    </main>
  );
}
