import { Timer } from "lucide-react";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { formatClock } from "../../domain/workshop/timer.ts";
import { usePresenceStore } from "../collab/usePresence.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { LiveMapSession } from "../state/live-session.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { useCountdown } from "./useCountdown.ts";
import { useFollowRequest } from "./useFollowRequest.ts";
import { WorkshopPanel } from "./WorkshopPanel.tsx";
import { followWorkshop, useWorkshop } from "./workshop-store.ts";

/**
 * The editor's one hook into workshop mode: a "Workshop" button in the map header (showing the
 * shared timer while a session runs) that opens the workshop panel; it also follows the session
 * live and answers the facilitator's "Everyone follow me".
 */
export function WorkshopButton() {
  const session = useSession();
  const mapId = useEditor((s) => s.map.id);
  const map = useEditor((s) => s.map);
  const presence = usePresenceStore();
  const myClientId = session instanceof LiveMapSession ? session.doc.clientID : null;
  const open = useWorkshop((s) => s.open);
  const live = useWorkshop((s) => s.view?.session ?? null);
  const receivedAt = useWorkshop((s) => s.receivedAt);
  const left = useCountdown(live, receivedAt);
  useEffect(() => followWorkshop(mapId), [mapId]);
  useFollowRequest(presence, myClientId);
  // The panel joins the editor's side panels; the body exists once the editor has rendered.
  const [body, setBody] = useState<Element | null>(null);
  useEffect(() => setBody(document.querySelector(".editor-body")), []);
  return (
    <>
      <button
        type="button"
        className={`btn${open ? " active" : ""}${live ? " workshop-live" : ""}`}
        aria-pressed={open}
        onClick={() => (open ? useWorkshop.getState().close() : useWorkshop.getState().show())}
        title={live ? "Workshop session running" : "Run a workshop on this map"}
      >
        <ToolLabel icon={Timer}>{live ? `Workshop ${formatClock(left)}` : "Workshop"}</ToolLabel>
      </button>
      {open && body
        ? createPortal(
            <WorkshopPanel
              map={map}
              presence={presence}
              myClientId={myClientId}
              onClose={() => useWorkshop.getState().close()}
            />,
            body,
          )
        : null}
    </>
  );
}
