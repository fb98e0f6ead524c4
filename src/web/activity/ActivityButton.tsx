import { History } from "lucide-react";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { useActivityPanel } from "./activity-store.ts";

/** Map header button opening the Activity panel (who changed what on this map). */
export function ActivityButton() {
  const open = useActivityPanel((s) => s.open);
  return (
    <button
      type="button"
      className={`btn${open ? " active" : ""}`}
      aria-pressed={open}
      onClick={() => (open ? useActivityPanel.getState().close() : useActivityPanel.getState().show())}
      title="Who changed what on this map"
    >
      <ToolLabel icon={History}>Activity</ToolLabel>
    </button>
  );
}
