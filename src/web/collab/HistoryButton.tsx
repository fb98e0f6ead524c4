import { History as HistoryIcon } from "lucide-react";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { useHistoryOpen } from "./history-store.ts";

/** Toolbar button opening the version history. */
export function HistoryButton() {
  const open = useHistoryOpen((s) => s.open);
  const toggle = useHistoryOpen((s) => s.toggle);
  return (
    <button
      type="button"
      className={`btn${open ? " active" : ""}`}
      aria-pressed={open}
      onClick={toggle}
      title="History: versions of this map"
    >
      <ToolLabel icon={HistoryIcon}>History</ToolLabel>
    </button>
  );
}
