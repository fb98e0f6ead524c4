import { InboxButton } from "../inbox/InboxButton.tsx";
import { ReviewButton } from "../review/ReviewButton.tsx";
import { CommentsButton } from "./CommentsButton.tsx";
import "./comments.css";

/**
 * Comments, Review and the inbox at the end of the editor's map header: the header wraps, so
 * they never push the toolbar's tools out of a narrow window (the toolbar has no room left).
 */
export function DiscussionTools() {
  return (
    <div className="discussion-tools">
      <CommentsButton />
      <ReviewButton />
      <InboxButton />
    </div>
  );
}
