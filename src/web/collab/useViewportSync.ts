import { useEffect, useRef, useState } from "react";
import { usePresence, usePresenceStore } from "./usePresence.ts";
import { syncViewport, type ZoomControl } from "./viewport-sync.ts";

/**
 * A callback ref for the map's scrolling canvas: publishes what I see and follows the person I
 * follow (see syncViewport). Does nothing on maps that are not live. `zoom` is read on every use,
 * so the editor can pass its current zoom and setter when it has one.
 */
export function useViewportSync(zoom: ZoomControl = {}): (el: HTMLElement | null) => void {
  const presence = usePresenceStore();
  const [el, setEl] = useState<HTMLElement | null>(null);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  useEffect(() => {
    if (!el || !presence) return;
    return syncViewport(el, presence, {
      zoom: () => zoomRef.current.zoom?.() ?? 1,
      setZoom: (z) => zoomRef.current.setZoom?.(z),
    });
  }, [el, presence]);
  return setEl;
}

/** Whom I follow (name and colour), and how to follow someone or stop. For toolbars and workshop views. */
export function useFollow(): {
  leader: { clientId: number; name: string; color: string } | null;
  follow(clientId: number | null): void;
} {
  const store = usePresenceStore();
  const leader = usePresence((s) => s.others.find((o) => o.clientId === s.following) ?? null);
  return {
    leader: leader ? { clientId: leader.clientId, name: leader.name, color: leader.color } : null,
    follow: (clientId) => store?.follow(clientId),
  };
}
