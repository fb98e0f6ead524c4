import { useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { navigate } from "../router.ts";
import { LiveMapSession } from "../state/live-session.ts";
import type { MapSession } from "../state/session.ts";
import { EditorShell } from "./EditorShell.tsx";
import { SessionContext } from "./session-context.ts";

/** Loads a map and opens an editing session on it. */
export function EditorPage({ mapId }: { mapId: string }) {
  const [session, setSession] = useState<MapSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: MapSession | null = null;
    // The document loads (IndexedDB, the live sync) while the REST view is fetched.
    LiveMapSession.openById(
      mapId,
      api.getJourney(mapId).then((view) => {
        performance.mark("wayline:map-fetched");
        return view;
      }),
    ).then(
      (s) => {
        performance.mark("wayline:session-open");
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
  if (error)
    return (
      <div className="home-main">
        <p className="error">Could not open this map: {error}</p>
        <button type="button" className="btn" onClick={() => navigate("/")}>
          Back to maps
        </button>
      </div>
    );
  if (!session) return <p className="muted home-main">Loading map…</p>;
  return (
    <SessionContext.Provider value={session}>
      <EditorShell />
    </SessionContext.Provider>
  );
}
