import { Eye, Users } from "lucide-react";
import type { SessionView } from "../../contract/workshop.ts";
import type { PresenceStore } from "../state/presence.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { workshopApi } from "./workshop-api.ts";
import { act } from "./workshop-store.ts";

/** "Everyone follow me" (facilitators) and, for a participant who left, a way back to the facilitator's view. */
export function FollowSection({
  session,
  facilitate,
  presence,
  myClientId,
  following,
}: {
  session: SessionView;
  facilitate: boolean;
  presence: PresenceStore;
  myClientId: number;
  following: number | null;
}) {
  const f = session.follow;
  const leading = f?.clientId === myClientId;
  return (
    <section aria-label="Follow">
      <h3>Follow</h3>
      {facilitate ? (
        leading ? (
          <button type="button" className="btn" onClick={() => act((id) => workshopApi.follow(id, null))}>
            <ToolLabel icon={Users}>Release everyone</ToolLabel>
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => act((id) => workshopApi.follow(id, myClientId))}
          >
            <ToolLabel icon={Users}>Everyone follow me</ToolLabel>
          </button>
        )
      ) : null}
      {f && !leading ? (
        following === f.clientId ? (
          <p className="muted">You follow {f.name}'s view (Stop in the banner, or Escape, to look around).</p>
        ) : (
          <button type="button" className="btn" onClick={() => presence.follow(f.clientId)}>
            <ToolLabel icon={Eye}>Follow {f.name}</ToolLabel>
          </button>
        )
      ) : null}
      {leading ? <p className="muted">Everyone's view follows yours; each can leave.</p> : null}
    </section>
  );
}
