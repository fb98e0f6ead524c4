import { useCallback, useEffect, useState } from "react";
import { atLeast, ROLES, type Role } from "../../domain/roles.ts";
import type { WorkspaceOfUser } from "../account/auth-api.ts";
import { accessApi, type TokenView } from "./access-api.ts";

/** A workspace's API tokens (admins and owners): create (the secret shown once), last use, revoke. */
export function TokensSection({ ws }: { ws: WorkspaceOfUser }) {
  const [tokens, setTokens] = useState<TokenView[]>([]);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    accessApi.tokens(ws.id).then(setTokens, (e: Error) => setError(e.message));
  }, [ws.id]);
  useEffect(reload, [reload]);
  const create = async () => {
    setError(null);
    try {
      const made = await accessApi.createToken(ws.id, name, role);
      setSecret({ name: made.name, token: made.token });
      setName("");
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-label="API tokens">
      <h2>API tokens</h2>
      <p>Scripts and the CLI (`--token`) act in this workspace with the token's role.</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          Name{" "}
          <input aria-label="Token name" value={name} onChange={(e) => setName(e.target.value)} required />
        </label>{" "}
        <label>
          Role{" "}
          <select aria-label="Token role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.filter((r) => atLeast(ws.role, r)).map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="btn primary">
          Create token
        </button>
      </form>
      {secret ? (
        <p>
          Token "{secret.name}" — copy it now, it is shown only once:{" "}
          <output aria-label="New token">{secret.token}</output>
        </p>
      ) : null}
      <table aria-label="Tokens">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.role}</td>
              <td>{t.createdAt.slice(0, 10)}</td>
              <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : "never"}</td>
              <td>
                <button
                  type="button"
                  className="btn ghost"
                  onClick={() =>
                    accessApi.revokeToken(ws.id, t.id).then(reload, (e: Error) => setError(e.message))
                  }
                >
                  Revoke {t.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
