import { authApi } from "../account/auth-api.ts";
import { useTeam } from "../account/team-context.ts";
import { setCurrentWorkspace } from "../account/team-session.ts";
import { navigate } from "../router.ts";

/** Switches the current workspace (every request then carries it) and opens its map list. */
function switchTo(id: string): void {
  setCurrentWorkspace(id);
  window.location.assign("/");
}

/** The workspace switcher of the top bar, with "New workspace…" and "Members". */
export function WorkspaceSwitcher() {
  const team = useTeam();
  if (!team) return null;
  const create = async () => {
    const name = window.prompt("Name of the new workspace");
    if (!name?.trim()) return;
    switchTo((await authApi.createWorkspace(name.trim())).id);
  };
  return (
    <span className="workspace-switcher">
      <label>
        <span className="visually-hidden">Workspace</span>
        <select
          aria-label="Workspace"
          value={team.current?.id ?? ""}
          onChange={(e) => (e.target.value === "__new" ? create() : switchTo(e.target.value))}
        >
          {team.me.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.role})
            </option>
          ))}
          <option value="__new">New workspace…</option>
        </select>
      </label>
      <a
        href="/workspace/members"
        className="btn ghost"
        onClick={(e) => {
          e.preventDefault();
          navigate("/workspace/members");
        }}
      >
        Members
      </a>
    </span>
  );
}
