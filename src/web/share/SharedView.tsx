import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { MapPicture } from "../../render/MapPicture.tsx";
import { api } from "../api/client.ts";
import { LiveMapSession } from "../state/live-session.ts";
import type { MapSession } from "../state/session.ts";
import { WorkshopDock } from "../workshop/WorkshopDock.tsx";

/**
 * A shared map for a view or comment link: the read-only picture (view mode), kept live over a
 * read-only websocket, so the guest follows the team's edits without being able to change a thing.
 */
export function SharedView({ mapId }: { mapId: string }) {
  const [session, setSession] = useState<MapSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: MapSession | null = null;
    api
      .getJourney(mapId)
      .then((view) => LiveMapSession.open(view, { offline: false }))
      .then(
        (s) => {
          if (!live) return s.dispose();
          opened = s;
          setSession(s);
        },
        (e: Error) => live && setError(e.message),
      );
    return () => {
      live = false;
      opened?.dispose();
    };
  }, [mapId]);
  if (error) return <p className="error">Could not open this map: {error}</p>;
  if (!session) return <p className="muted">Loading map…</p>;
  return (
    <div className="share-with-workshop">
      <WorkshopDock session={session} mapId={mapId} />
      <LivePicture session={session} />
    </div>
  );
}

function LivePicture({ session }: { session: MapSession }) {
  const map = useStore(session.store, (s) => s.map);
  const personas = useStore(session.store, (s) => s.personas);
  const theme = document.documentElement.dataset.theme === "dark" ? "dark" : "light";
  return (
    <div className="share-picture">
      <MapPicture map={map} personas={personas} theme={theme} />
    </div>
  );
}
