import { Eye, Presentation as PresentationIcon } from "lucide-react";
import { useState } from "react";
import { useEditor } from "../editor/session-context.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
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
        title="View: the map without editing chrome"
      >
        <ToolLabel icon={Eye}>View</ToolLabel>
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setMode("present")}
        title="Present: full screen, stage by stage"
      >
        <ToolLabel icon={PresentationIcon}>Present</ToolLabel>
      </button>
      {mode === "view" ? <ViewMode map={map} personas={personas} onClose={close} /> : null}
      {mode === "present" ? <Presentation map={map} personas={personas} onClose={close} /> : null}
    </div>
  );
}
