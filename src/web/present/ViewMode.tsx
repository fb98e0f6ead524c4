import { useEffect, useRef } from "react";
import type { JourneyMap, Persona } from "../../domain/index.ts";
import { MapPicture } from "../../render/MapPicture.tsx";

/** View mode: the map without editing chrome, drawn by the same picture component as the exports. */
export function ViewMode({
  map,
  personas,
  onClose,
}: {
  map: JourneyMap;
  personas: Persona[];
  onClose: () => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  const theme = document.documentElement.dataset.theme === "dark" ? "dark" : "light";
  return (
    <div
      ref={root}
      className="view-mode"
      role="dialog"
      aria-label={`View: ${map.title}`}
      tabIndex={-1}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <button type="button" className="btn view-close" onClick={onClose}>
        Back to editing
      </button>
      <MapPicture map={map} personas={personas} theme={theme} />
    </div>
  );
}
