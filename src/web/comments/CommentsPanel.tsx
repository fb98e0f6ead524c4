import { useEffect, useMemo, useState } from "react";
import type { MentionableView, ThreadView } from "../../contract/comments.ts";
import { commentsApi } from "../api/discussion.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import { anchorElement, anchorOptions } from "./anchors.ts";
import { Composer } from "./Composer.tsx";
import { reloadComments, type ThreadFilter, useComments } from "./comments-store.ts";
import { ThreadCard } from "./ThreadCard.tsx";
import "./comments.css";

const FILTERS: { id: ThreadFilter; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "resolved", label: "Resolved" },
  { id: "mine", label: "Mine" },
];

function matches(t: ThreadView, f: ThreadFilter): boolean {
  if (f === "open") return t.status === "open";
  if (f === "resolved") return t.status === "resolved";
  return t.comments.some((c) => c.mine);
}

/** Scrolls the map to an anchored item and focuses it. */
export function focusAnchor(t: Pick<ThreadView, "anchor">): void {
  const el = anchorElement(t.anchor);
  const target = el?.closest<HTMLElement>("[data-card-id],[role=columnheader],[role=rowheader]") ?? el;
  target?.scrollIntoView({ block: "center", inline: "center" });
  target?.focus({ preventScroll: true });
}

/** The comments sidebar: new thread on any item, threads filtered open / resolved / mine, Detached. */
export function CommentsPanel() {
  const { open, view, error, filter, anchorKey, focusThread, close, setFilter } = useComments();
  const map = useEditor((s) => s.map);
  const selectedCardId = useEditor((s) => s.selectedCardId);
  const session = useSession();
  const [members, setMembers] = useState<MentionableView[]>([]);
  // Only while the panel is open: every card's label on every edit cost ~120 ms at 2,000 cards
  // (bench/editor, issue 12) though the panel is mounted closed.
  const options = useMemo(
    () => (open ? anchorOptions(map, selectedCardId) : []),
    [open, map, selectedCardId],
  );
  const [target, setTarget] = useState("map");
  useEffect(() => {
    if (open) commentsApi.mentionable(map.id).then(setMembers, () => setMembers([]));
  }, [open, map.id]);
  useEffect(() => {
    if (anchorKey) setTarget(anchorKey);
    else if (selectedCardId) setTarget(`card:${selectedCardId}`);
  }, [anchorKey, selectedCardId]);
  if (!open) return null;
  const threads = (view?.threads ?? []).filter((t) => (anchorKey ? t.anchorKey === anchorKey : true));
  const focusedFirst = focusThread ? threads.find((t) => t.id === focusThread) : undefined;
  const shown = threads.filter((t) => !t.detached && (t.id === focusThread || matches(t, filter)));
  const detached = threads.filter((t) => t.detached && (t.id === focusThread || matches(t, filter)));
  const chosen = options.find((o) => o.key === target) ?? options[0];
  const card = (t: ThreadView) => (
    <ThreadCard
      key={t.id}
      mapId={map.id}
      thread={t}
      members={members}
      focused={t.id === focusedFirst?.id}
      onShowAnchor={() => {
        if (t.anchor.kind === "card") session.store.setState({ selectedCardId: t.anchor.cardId });
        focusAnchor(t);
      }}
    />
  );
  return (
    <aside className="side-panel wide comments-panel" aria-label="Comments">
      <PanelHead title="Comments" onClose={close} />
      {error ? <p className="error">{error}</p> : null}
      <div className="comment-new">
        <label>
          Comment on{" "}
          <select value={chosen?.key ?? "map"} onChange={(e) => setTarget(e.target.value)}>
            {["Map", "Selected", "Stages", "Lanes", "Emotions", "Cards"].map((g) => {
              const list = options.filter((o) => o.group === g);
              return list.length ? (
                <optgroup key={g} label={g === "Selected" ? "Selected card" : g}>
                  {list.map((o) => (
                    <option key={`${g}-${o.key}`} value={o.key}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </label>
        <Composer
          members={members}
          label="New comment"
          submitLabel="Comment"
          onSubmit={async (body) => {
            if (!chosen) return;
            await commentsApi.start(map.id, chosen.anchor, body);
            setFilter("open");
            await reloadComments();
          }}
        />
      </div>
      <fieldset className="comment-filters">
        <legend className="sr-only">Show threads</legend>
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className={`btn small${filter === f.id ? " active" : ""}`}
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
        {anchorKey ? (
          <button
            type="button"
            className="btn small"
            onClick={() => useComments.setState({ anchorKey: null })}
          >
            All items
          </button>
        ) : null}
      </fieldset>
      {view === null ? <p className="muted">Loading comments…</p> : null}
      {view && shown.length === 0 && detached.length === 0 ? (
        <p className="muted">No {filter === "mine" ? "threads of yours" : `${filter} threads`} here.</p>
      ) : null}
      <div className="thread-list">{shown.map(card)}</div>
      {detached.length ? (
        <section aria-label="Detached threads" className="detached">
          <h3>Detached</h3>
          <p className="muted small">The item these threads were on was deleted; the discussion is kept.</p>
          {detached.map(card)}
        </section>
      ) : null}
    </aside>
  );
}
