import { useState } from "react";
import { useEditor } from "../editor/session-context.ts";
import "./present.css";
import { Presentation } from "./Presentation.tsx";
import { ViewMode } from "./ViewMode.tsx";

/** The toolbar's View and Present buttons and the mode they open. */
export function PresentButtons() {
  const [mode, setMode] = useState<"view" | "present" | null>(null);
  const map = useEditor((s) => s.map);
  const personas = useEditor((s) => s.personas);
  const close = () => setMode(null);
  return (
    <div className="tool-group">
      <button
        type="button"
        className="btn"
        onClick={() => setMode("view")}
        title="The map without editing chrome"
      >
        View
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setMode("present")}
        title="Full screen, stage by stage"
      >
        Present
      </button>
      {mode === "view" ? <ViewMode map={map} personas={personas} onClose={close} /> : null}
      {mode === "present" ? <Presentation map={map} personas={personas} onClose={close} /> : null}
    </div>
  );
}
