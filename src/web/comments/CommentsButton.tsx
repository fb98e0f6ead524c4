import { MessageSquare } from "lucide-react";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { useComments } from "./comments-store.ts";

/** Toolbar button opening the comments sidebar, with the number of open threads. */
export function CommentsButton() {
  const open = useComments((s) => s.open);
  const count = useComments((s) => s.view?.threads.filter((t) => t.status === "open").length ?? 0);
  return (
    <button
      type="button"
      className={`btn${open ? " active" : ""}`}
      aria-pressed={open}
      onClick={() => (open ? useComments.getState().close() : useComments.getState().show())}
      title="Comments on this map"
    >
      <ToolLabel icon={MessageSquare}>{count ? `Comments (${count})` : "Comments"}</ToolLabel>
    </button>
  );
}
