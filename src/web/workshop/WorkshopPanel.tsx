import { Square } from "lucide-react";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { JourneyMap } from "../../domain/index.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import type { PresenceState, PresenceStore } from "../state/presence.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { AgendaSection } from "./AgendaSection.tsx";
import { FollowSection } from "./FollowSection.tsx";
import { ParkingLotForm } from "./ParkingLotForm.tsx";
import { TimerSection } from "./TimerSection.tsx";
import { useCountdown } from "./useCountdown.ts";
import { VoteSection } from "./VoteSection.tsx";
import { workshopApi } from "./workshop-api.ts";
import { act, useWorkshop } from "./workshop-store.ts";
import "./workshop.css";

const NOBODY = createStore<PresenceState>(() => ({
  me: { name: "", color: "" },
  others: [],
  following: null,
}));

/** Where the panel is shown: the live editor (can follow views) or a shared picture (cannot). */
export interface WorkshopPlace {
  /** The map as this browser holds it (votable cards, stages). */
  map: JourneyMap;
  /** Presence of the live map, null where views cannot follow (the shared picture). */
  presence: PresenceStore | null;
  /** My awareness client id on the live map (the facilitator's "follow me" names it). */
  myClientId: number | null;
}

/** The workshop panel: timer, agenda, follow, parking lot and dot voting, by what the caller may do. */
export function WorkshopPanel({
  map,
  presence,
  myClientId,
  onClose,
}: WorkshopPlace & { onClose?: () => void }) {
  const view = useWorkshop((s) => s.view);
  const receivedAt = useWorkshop((s) => s.receivedAt);
  const error = useWorkshop((s) => s.error);
  const following = useStore(presence ?? NOBODY, (s) => s.following);
  const session = view?.session ?? null;
  const left = useCountdown(session, receivedAt);
  const you = view?.you;
  return (
    <aside className="side-panel wide workshop-panel" aria-label="Workshop">
      {onClose ? <PanelHead title="Workshop" onClose={onClose} /> : <h2>Workshop</h2>}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {!view ? <p className="muted">Loading the workshop…</p> : null}
      {view && !session ? (
        <>
          <p>No workshop session is running on this map.</p>
          {you?.facilitate ? (
            <button type="button" className="btn primary" onClick={() => act((id) => workshopApi.start(id))}>
              Start a workshop session
            </button>
          ) : (
            <p className="muted">A facilitator (editor) starts one; it then shows here.</p>
          )}
        </>
      ) : null}
      {session && you ? (
        <>
          <p className="muted">
            Facilitated by {session.startedBy || "a facilitator"} · you are {you.name}
          </p>
          <TimerSection session={session} left={left} facilitate={you.facilitate} />
          <AgendaSection session={session} facilitate={you.facilitate} />
          {presence && myClientId !== null ? (
            <FollowSection
              session={session}
              facilitate={you.facilitate}
              presence={presence}
              myClientId={myClientId}
              following={following}
            />
          ) : null}
          {you.note ? <ParkingLotForm map={map} /> : null}
          <VoteSection session={session} map={map} you={you} />
          {you.facilitate ? (
            <button
              type="button"
              className="btn danger workshop-end"
              onClick={() => act((id) => workshopApi.end(id))}
            >
              <ToolLabel icon={Square}>End the session</ToolLabel>
            </button>
          ) : null}
        </>
      ) : null}
    </aside>
  );
}
