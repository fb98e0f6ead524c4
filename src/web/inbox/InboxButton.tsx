import { Inbox } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { InboxItem } from "../../contract/inbox.ts";
import { inboxApi } from "../api/discussion.ts";
import { navigate } from "../router.ts";
import "./inbox.css";

/** How often the unread count is refreshed while the page is open (ms). */
const POLL_MS = 20_000;
const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The inbox of the top bar: an icon with the unread count; it opens a list of notifications
 * (mentions, replies, reviews, pain points, maps due for review), each opening its item.
 */
export function InboxButton() {
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const refreshCount = useCallback(
    () =>
      inboxApi.count().then(
        (r) => setUnread(r.unread),
        () => {},
      ),
    [],
  );
  const load = useCallback(
    () =>
      inboxApi.list(onlyUnread).then(
        (r) => {
          setItems(r.items);
          setUnread(r.unread);
          setError(null);
        },
        (e: Error) => setError(e.message),
      ),
    [onlyUnread],
  );
  useEffect(() => {
    void refreshCount();
    const timer = setInterval(refreshCount, POLL_MS);
    window.addEventListener("focus", refreshCount);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refreshCount);
    };
  }, [refreshCount]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);
  const openItem = async (n: InboxItem) => {
    setOpen(false);
    if (!n.readAt)
      await inboxApi.markRead([n.id]).then(
        (r) => setUnread(r.unread),
        () => {},
      );
    navigate(n.link);
  };
  const label = unread ? `Inbox, ${unread} unread` : "Inbox";
  return (
    <div className="inbox" ref={box}>
      <button
        ref={button}
        type="button"
        className={`btn inbox-button${open ? " active" : ""}`}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        <Inbox size={16} aria-hidden="true" />
        {unread ? (
          <span className="inbox-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          className="inbox-popover"
          role="dialog"
          aria-label="Inbox"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <header className="inbox-head">
            <h2>Inbox</h2>
            <label className="small">
              <input type="checkbox" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} />{" "}
              Unread only
            </label>
            <button
              type="button"
              className="btn small"
              disabled={unread === 0}
              onClick={() =>
                inboxApi.markRead("all").then((r) => {
                  setUnread(r.unread);
                  return load();
                })
              }
            >
              Mark all read
            </button>
          </header>
          {error ? <p className="error">{error}</p> : null}
          {items === null ? <p className="muted">Loading…</p> : null}
          {items && items.length === 0 ? (
            <p className="muted">Nothing here{onlyUnread ? " unread" : ""}.</p>
          ) : null}
          <ul className="inbox-list">
            {(items ?? []).map((n) => (
              <li key={n.id}>
                <a
                  href={n.link}
                  className={`inbox-item${n.readAt ? "" : " unread"}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void openItem(n);
                  }}
                >
                  <span className="inbox-title">
                    {n.readAt ? null : (
                      <>
                        <span className="unread-dot" aria-hidden="true" />
                        <span className="sr-only">Unread: </span>
                      </>
                    )}
                    {n.title}
                  </span>
                  {n.excerpt ? <span className="inbox-excerpt">{n.excerpt}</span> : null}
                  <span className="inbox-meta">
                    {n.mapTitle} · {when(n.createdAt)}
                  </span>
                </a>
                <button
                  type="button"
                  className="btn small ghost"
                  aria-label={n.readAt ? "Mark unread" : "Mark read"}
                  onClick={() => inboxApi.markRead([n.id], !n.readAt).then(() => load())}
                >
                  {n.readAt ? "Unread" : "Read"}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
