import { useEffect } from "react";
import type { MapSession } from "../state/session.ts";
import { useFindInMap } from "./find-in-map-store.ts";
import { useViewPrefs } from "./view-prefs.ts";

/** True when the key event goes to a text field (which keeps its own undo). */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return (
    !!t &&
    (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)
  );
}

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Ctrl/Cmd + + / − / 0 zoom the map (instead of
 * the page), Ctrl/Cmd+F opens "Find in map" (the browser's find misses the cards the virtualised
 * grid has not drawn; also from a text field), Escape closes the side panel.
 */
export function useGlobalShortcuts(session: MapSession): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const zoomStep = { "+": 1, "=": 1, "-": -1, _: -1 }[e.key];
      if (mod && !e.altKey && (zoomStep || e.key === "0")) {
        e.preventDefault();
        const prefs = useViewPrefs.getState();
        if (zoomStep) prefs.zoomBy(zoomStep);
        else prefs.setZoom(1);
      } else if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "f") {
        e.preventDefault();
        useFindInMap.getState().show();
      } else if (mod && !typing(e) && e.key.toLowerCase() === "z") {
        e.preventDefault();
        if (e.shiftKey) session.redo();
        else session.undo();
      } else if (mod && !typing(e) && e.key.toLowerCase() === "y") {
        e.preventDefault();
        session.redo();
      } else if (e.key === "Escape" && !typing(e)) {
        session.store.setState({ panel: null, selectedCardId: null });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [session]);
}
