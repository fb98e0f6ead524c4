import { Check, Pencil, RotateCcw, Trash2 } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { MentionableView, ThreadView } from "../../contract/comments.ts";
import { commentsApi } from "../api/discussion.ts";
import { CommentText } from "./CommentText.tsx";
import { Composer } from "./Composer.tsx";
import { reloadComments } from "./comments-store.ts";

const when = (iso: string) => new Date(iso).toLocaleString();

/** One thread: its anchor, comments (edit/delete one's own), a reply box, resolve/reopen. */
export function ThreadCard({
  mapId,
  thread,
  members,
  focused,
  onShowAnchor,
}: {
  mapId: string;
  thread: ThreadView;
  members: readonly MentionableView[];
  focused: boolean;
  onShowAnchor?: (() => void) | undefined;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "nearest" });
  }, [focused]);
  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
      await reloadComments();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const resolved = thread.status === "resolved";
  return (
    <article
      ref={ref}
      className={`thread${resolved ? " resolved" : ""}${focused ? " focused" : ""}`}
      aria-label={`Thread on ${thread.anchorLabel}`}
      data-thread-id={thread.id}
    >
      <header className="thread-head">
        {onShowAnchor && !thread.detached ? (
          <button type="button" className="link-button thread-anchor" onClick={onShowAnchor}>
            {thread.anchorLabel}
          </button>
        ) : (
          <span className="thread-anchor">{thread.anchorLabel}</span>
        )}
        <button
          type="button"
          className="btn small"
          onClick={() => act(() => commentsApi.setStatus(mapId, thread.id, resolved ? "open" : "resolved"))}
        >
          {resolved ? <RotateCcw size={14} aria-hidden="true" /> : <Check size={14} aria-hidden="true" />}
          {resolved ? " Reopen" : " Resolve"}
        </button>
      </header>
      {resolved && thread.resolvedBy ? <p className="muted small">Resolved by {thread.resolvedBy}</p> : null}
      <ol className="comments">
        {thread.comments.map((c) => (
          <li key={c.id} className="comment">
            <div className="comment-meta">
              <strong>{c.authorName}</strong>{" "}
              <span className="muted">
                {when(c.createdAt)}
                {c.editedAt && !c.deleted ? " · edited" : ""}
              </span>
              {c.mine && editing !== c.id ? (
                <span className="comment-tools">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label="Edit comment"
                    onClick={() => setEditing(c.id)}
                  >
                    <Pencil size={14} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label="Delete comment"
                    onClick={() => {
                      if (window.confirm("Delete this comment?"))
                        void act(() => commentsApi.remove(mapId, thread.id, c.id));
                    }}
                  >
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                </span>
              ) : null}
            </div>
            {c.deleted ? (
              <p className="muted comment-text">Comment deleted</p>
            ) : editing === c.id ? (
              <Composer
                members={members}
                label="Edit comment"
                submitLabel="Save"
                initial={c.body}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  await commentsApi.edit(mapId, thread.id, c.id, body);
                  setEditing(null);
                  await reloadComments();
                }}
              />
            ) : (
              <CommentText body={c.body} />
            )}
          </li>
        ))}
      </ol>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <Composer
        members={members}
        label="Reply"
        submitLabel="Reply"
        onSubmit={async (body) => {
          await commentsApi.reply(mapId, thread.id, body);
          await reloadComments();
        }}
      />
    </article>
  );
}
