import { Eye, X } from "lucide-react";
import { useFollow } from "./useViewportSync.ts";

/** "Following Ana — Stop" while my view tracks a collaborator's (Escape or scrolling also stops). */
export function FollowBanner() {
  const { leader, follow } = useFollow();
  if (!leader) return null;
  return (
    <>
      <div className="follow-frame" style={{ borderColor: leader.color }} aria-hidden="true" />
      <div className="follow-banner" role="status" style={{ borderColor: leader.color }}>
        <Eye size={16} aria-hidden="true" style={{ color: leader.color }} />
        <span>
          Following <strong>{leader.name}</strong>
        </span>
        <button type="button" className="btn" onClick={() => follow(null)} title="Stop following (Escape)">
          <X size={14} aria-hidden="true" /> Stop
        </button>
      </div>
    </>
  );
}
