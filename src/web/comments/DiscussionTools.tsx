import { ActivityButton } from "../activity/ActivityButton.tsx";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { ReviewButton } from "../review/ReviewButton.tsx";
import { ShareButton } from "../share/ShareDialog.tsx";
import { shareWsToken } from "../share/share-session.ts";
import { WorkshopButton } from "../workshop/WorkshopButton.tsx";
import { CommentsButton } from "./CommentsButton.tsx";
import "./comments.css";

/**
 * Share, Comments, Review, Workshop and the inbox at the end of the editor's map header: the header wraps,
 * so they never push the toolbar's tools out of a narrow window (the toolbar has no room left).
 * A share-link guest gets no Share button. `part` splits them for phones: the map header keeps
 * Comments, the toolbar's "More tools" menu holds the others (each mounted once either way).
 */
export function DiscussionTools({ part = "all" }: { part?: "all" | "comments" | "others" }) {
  if (part === "comments")
    return (
      <div className="discussion-tools">
        <CommentsButton />
      </div>
    );
  return (
    <div className="discussion-tools">
      {shareWsToken() ? null : <ShareButton />}
      {part === "all" ? <CommentsButton /> : null}
      <ReviewButton />
      {shareWsToken() ? null : <ActivityButton />}
      <WorkshopButton />
      <InboxButton />
    </div>
  );
}
