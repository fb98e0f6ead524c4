import { BadgeCheck } from "lucide-react";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { useReviewPanel } from "./review-store.ts";

/** Toolbar button opening the review panel. */
export function ReviewButton() {
  const open = useReviewPanel((s) => s.open);
  return (
    <button
      type="button"
      className={`btn${open ? " active" : ""}`}
      aria-pressed={open}
      onClick={() => (open ? useReviewPanel.getState().close() : useReviewPanel.getState().show())}
      title="Review and publish this map"
    >
      <ToolLabel icon={BadgeCheck}>Review</ToolLabel>
    </button>
  );
}
