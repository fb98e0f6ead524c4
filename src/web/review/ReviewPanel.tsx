import { useCallback, useEffect, useState } from "react";
import type { MentionableView } from "../../contract/comments.ts";
import type { ReviewView } from "../../contract/reviews.ts";
import { MAP_STATUS_LABELS } from "../../domain/labels.ts";
import { useTeam } from "../account/team-context.ts";
import { commentsApi, reviewsApi } from "../api/discussion.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import { useReviewPanel } from "./review-store.ts";
import "./review.css";

const when = (iso: string) => new Date(iso).toLocaleString();
const DECISION = { approved: "Approved", changes_requested: "Changes requested" } as const;
const CAN_REVIEW = new Set(["owner", "admin", "editor", "commenter"]);

/** Review and publish: request a review from members, answer one, see past reviews. */
export function ReviewPanel() {
  const { open, focus, close } = useReviewPanel();
  const map = useEditor((s) => s.map);
  const session = useSession();
  const me = useTeam()?.me.user.id ?? null;
  const [reviews, setReviews] = useState<ReviewView[] | null>(null);
  const [members, setMembers] = useState<MentionableView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => reviewsApi.list(map.id).then(setReviews, (e: Error) => setError(e.message)),
    [map.id],
  );
  useEffect(() => {
    if (!open) return;
    void reload();
    commentsApi.mentionable(map.id).then(setMembers, () => setMembers([]));
  }, [open, map.id, reload]);
  if (!open) return null;
  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await session.whenIdle();
      await work();
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const pending = reviews?.find((r) => r.status === "pending");
  return (
    <aside className="side-panel wide review-panel" aria-label="Review">
      <PanelHead title="Review and publish" onClose={close} />
      <p>
        Status: <strong>{MAP_STATUS_LABELS[map.status]}</strong>
        {map.lastReviewedAt ? ` · last reviewed ${map.lastReviewedAt}` : " · never reviewed"} · review every{" "}
        {map.reviewCadenceMonths} month{map.reviewCadenceMonths === 1 ? "" : "s"}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {pending ? (
        <PendingReview review={pending} me={me} focused={focus === pending.id} act={act} mapId={map.id} />
      ) : (
        <RequestForm
          members={members.filter((m) => m.userId !== me && CAN_REVIEW.has(m.role))}
          onRequest={(ids, message) => act(() => reviewsApi.request(map.id, ids, message))}
        />
      )}
      <h3>Earlier reviews</h3>
      <ol className="review-history">
        {(reviews ?? [])
          .filter((r) => r.status !== "pending")
          .map((r) => (
            <li key={r.id} className={focus === r.id ? "focused" : ""}>
              <strong>{STATUS_LABEL_REVIEW[r.status]}</strong> · asked by {r.requestedByName} ·{" "}
              {when(r.createdAt)}
              <ul>
                {r.reviewers.map((x) => (
                  <li key={x.userId}>
                    {x.name}: {x.decision ? DECISION[x.decision] : "no answer"}
                    {x.comment ? ` — ${x.comment}` : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        {reviews?.every((r) => r.status === "pending") ? <li className="muted">None yet.</li> : null}
      </ol>
    </aside>
  );
}

const STATUS_LABEL_REVIEW = {
  pending: "In review",
  approved: "Approved and published",
  changes_requested: "Changes requested",
  cancelled: "Cancelled",
} as const;

function RequestForm({
  members,
  onRequest,
}: {
  members: MentionableView[];
  onRequest(ids: string[], message: string): Promise<void>;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  if (members.length === 0)
    return (
      <p className="muted">Reviews need other members who can comment: invite them from the members page.</p>
    );
  return (
    <form
      className="review-request"
      onSubmit={(e) => {
        e.preventDefault();
        void onRequest(chosen, message.trim()).then(() => {
          setChosen([]);
          setMessage("");
        });
      }}
    >
      <fieldset>
        <legend>Ask for a review</legend>
        {members.map((m) => (
          <label key={m.userId} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(m.userId)}
              onChange={(e) =>
                setChosen((c) => (e.target.checked ? [...c, m.userId] : c.filter((x) => x !== m.userId)))
              }
            />{" "}
            {m.name} <span className="muted">({m.role})</span>
          </label>
        ))}
      </fieldset>
      <textarea
        aria-label="Message to the reviewers"
        placeholder="What should they look at?"
        value={message}
        maxLength={2000}
        rows={2}
        onChange={(e) => setMessage(e.target.value)}
      />
      <button type="submit" className="btn primary" disabled={chosen.length === 0}>
        Request review
      </button>
    </form>
  );
}

function PendingReview({
  review,
  me,
  focused,
  act,
  mapId,
}: {
  review: ReviewView;
  me: string | null;
  focused: boolean;
  act(work: () => Promise<unknown>): Promise<void>;
  mapId: string;
}) {
  const [comment, setComment] = useState("");
  const mine = review.reviewers.find((r) => r.userId === me && r.decision === null);
  return (
    <section className={`review-pending${focused ? " focused" : ""}`} aria-label="Review in progress">
      <h3>In review</h3>
      <p>
        {review.requestedByName} asked on {when(review.createdAt)}
        {review.message ? `: “${review.message}”` : ""}
      </p>
      <ul>
        {review.reviewers.map((r) => (
          <li key={r.userId}>
            {r.name}: {r.decision ? DECISION[r.decision] : "waiting"}
            {r.comment ? ` — ${r.comment}` : ""}
          </li>
        ))}
      </ul>
      {mine ? (
        <div className="review-decide">
          <textarea
            aria-label="Review comment"
            placeholder="Comment (required to request changes)"
            value={comment}
            maxLength={4000}
            rows={2}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="review-actions">
            <button
              type="button"
              className="btn primary"
              onClick={() => act(() => reviewsApi.decide(mapId, review.id, "approved", comment.trim()))}
            >
              {review.reviewers.filter((r) => r.decision === null).length === 1
                ? "Approve and publish"
                : "Approve"}
            </button>
            <button
              type="button"
              className="btn"
              disabled={!comment.trim()}
              onClick={() =>
                act(() => reviewsApi.decide(mapId, review.id, "changes_requested", comment.trim()))
              }
            >
              Request changes
            </button>
          </div>
        </div>
      ) : null}
      {review.requestedBy === me ? (
        <button
          type="button"
          className="btn small"
          onClick={() => act(() => reviewsApi.cancel(mapId, review.id))}
        >
          Cancel the review
        </button>
      ) : null}
    </section>
  );
}
