import { useEffect } from "react";
import { useStore } from "zustand";
import type { MapSession } from "../state/session.ts";
import { WorkshopPanel } from "./WorkshopPanel.tsx";
import { followWorkshop, useWorkshop } from "./workshop-store.ts";

/**
 * Workshop mode beside a shared map's picture (view and comment links): shown while a session
 * runs, so a guest sees the timer and agenda, adds parking-lot notes and votes (as the link
 * allows). The picture does not scroll with the facilitator, so there is no "follow" here.
 */
export function WorkshopDock({ session, mapId }: { session: MapSession; mapId: string }) {
  const map = useStore(session.store, (s) => s.map);
  const running = useWorkshop((s) => s.view?.session != null);
  useEffect(() => followWorkshop(mapId), [mapId]);
  if (!running) return null;
  return <WorkshopPanel map={map} presence={null} myClientId={null} />;
}
