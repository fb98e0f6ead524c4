import { MessageSquare } from "lucide-react";
import { anchorKey, type CommentAnchor } from "../../domain/comments/index.ts";
import { useComments } from "./comments-store.ts";

/**
 * The comment count of an item on the map (open threads); click opens the sidebar on that item's
 * threads. The slot is always there (empty without threads) so the sidebar can find the item.
 */
export function CommentBadge({ anchor }: { anchor: CommentAnchor }) {
  const key = anchorKey(anchor);
  const count = useComments((s) => s.view?.openByAnchor[key] ?? 0);
  const show = useComments((s) => s.show);
  return (
    <span className="comment-badge-slot" data-comment-anchor={key}>
      {count > 0 ? (
        <button
          type="button"
          className="comment-badge"
          aria-label={`${count} open comment thread${count === 1 ? "" : "s"}`}
          title="Show comments"
          onPointerDown={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onClick={(e) => {
            e.stopPropagation();
            show({ anchorKey: key });
          }}
        >
          <MessageSquare size={12} aria-hidden="true" />
          {count}
        </button>
      ) : null}
    </span>
  );
}

/** Badges of emotion-point threads, one slot per stage column above the emotion curve. */
export function EmotionCommentBadges({ stages }: { stages: readonly { id: string }[] }) {
  const open = useComments((s) => s.view?.openByAnchor);
  const show = useComments((s) => s.show);
  if (!open) return null;
  return (
    <div className="emotion-comment-badges" style={{ gridTemplateColumns: `repeat(${stages.length}, 1fr)` }}>
      {stages.map((st) => {
        const keys = Object.keys(open).filter((k) => k.startsWith(`emotion:${st.id}:`));
        const count = keys.reduce((n, k) => n + (open[k] ?? 0), 0);
        return (
          <span key={st.id}>
            {count > 0 ? (
              <button
                type="button"
                className="comment-badge"
                aria-label={`${count} open comment thread${count === 1 ? "" : "s"} on this emotion`}
                onClick={() => show({ anchorKey: keys[0] ?? null })}
              >
                <MessageSquare size={12} aria-hidden="true" />
                {count}
              </button>
            ) : null}
          </span>
        );
      })}
    </div>
  );
}
