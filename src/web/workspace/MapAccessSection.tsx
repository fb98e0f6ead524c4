import { useCallback, useEffect, useState } from "react";
import type { MapAccessView } from "../../contract/map-access.ts";
import { atLeast } from "../../domain/roles.ts";
import { authApi, type MemberView } from "../account/auth-api.ts";
import { useTeam } from "../account/team-context.ts";
import { accessApi } from "./access-api.ts";

/**
 * "Who has access" in the Share dialog (accounts mode): the whole workspace, or only the members
 * picked here (owners and admins always). Admins and owners change it; others see it.
 */
export function MapAccessSection({ mapId }: { mapId: string }) {
  const team = useTeam();
  const ws = team?.current;
  const [view, setView] = useState<MapAccessView | null>(null);
  const [members, setMembers] = useState<MemberView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const manage = ws ? atLeast(ws.role, "admin") : false;
  const load = useCallback(() => {
    accessApi.mapAccess(mapId).then(setView, (e: Error) => setError(e.message));
    if (ws) authApi.members(ws.id).then(setMembers, (e: Error) => setError(e.message));
  }, [mapId, ws]);
  useEffect(load, [load]);
  if (!ws || !view) return null;
  // Shown at once (a checkbox that waits for the server looks unclicked); the server's answer
  // replaces it, and a refusal puts back what is stored.
  const save = (restricted: boolean, userIds: string[]) => {
    setView({ ...view, restricted, userIds });
    return accessApi.setMapAccess(mapId, { restricted, userIds }).then(setView, (e: Error) => {
      setError(e.message);
      load();
    });
  };
  const always = (m: MemberView) => atLeast(m.role, "admin");
  return (
    <section className="share-access" aria-label="Who has access">
      <h3>Who has access</h3>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <label>
        <input
          type="checkbox"
          checked={view.restricted}
          disabled={!manage}
          onChange={(e) => save(e.target.checked, view.userIds)}
        />{" "}
        Only the members picked below (owners and admins always)
      </label>
      {view.restricted ? (
        <ul>
          {members.map((m) => (
            <li key={m.userId}>
              <label>
                <input
                  type="checkbox"
                  aria-label={`Access for ${m.email}`}
                  checked={always(m) || view.userIds.includes(m.userId)}
                  disabled={!manage || always(m)}
                  onChange={(e) =>
                    save(
                      true,
                      e.target.checked
                        ? [...view.userIds, m.userId]
                        : view.userIds.filter((u) => u !== m.userId),
                    )
                  }
                />{" "}
                {m.name} ({m.email}, {m.role}){always(m) ? " — always" : ""}
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p>Everyone in {ws.name} can open this map.</p>
      )}
    </section>
  );
}
