import { useId, useRef, useState } from "react";
import type { MentionableView } from "../../contract/comments.ts";
import { MAX_COMMENT_LENGTH } from "../../domain/comments/index.ts";
import { bodyToDraft, draftToBody, mentionQuery, type PickedMention } from "./mention-draft.ts";

/**
 * A comment box: plain text, `@` opens a list of workspace members (arrow keys, Enter or Tab to
 * pick, Escape to close); Ctrl/Cmd+Enter sends. Answers the stored body (mentions as tokens).
 */
export function Composer({
  members,
  label,
  submitLabel,
  initial = "",
  onSubmit,
  onCancel,
}: {
  members: readonly MentionableView[];
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit(body: string): Promise<void>;
  onCancel?: () => void;
}) {
  const start = bodyToDraft(initial);
  const [text, setText] = useState(start.text);
  const [picked, setPicked] = useState<PickedMention[]>(start.picked);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const q = mentionQuery(text, caret);
  const matches =
    q && dismissed !== q.start
      ? members
          .filter((m) => `${m.name} ${m.email}`.toLowerCase().includes(q.query.toLowerCase()))
          .slice(0, 8)
      : [];
  const pick = (m: MentionableView) => {
    if (!q) return;
    const insert = `@${m.name} `;
    const next = text.slice(0, q.start) + insert + text.slice(caret);
    setText(next);
    setPicked((p) => (p.some((x) => x.userId === m.userId) ? p : [...p, { userId: m.userId, name: m.name }]));
    const at = q.start + insert.length;
    setCaret(at);
    requestAnimationFrame(() => ref.current?.setSelectionRange(at, at));
  };
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(draftToBody(text, picked));
      setText("");
      setPicked([]);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((a) => (a + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(matches[Math.min(active, matches.length - 1)] as MentionableView);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(q?.start ?? null);
        return;
      }
    }
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    } else if (e.key === "Escape" && onCancel) {
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-box">
        <textarea
          ref={ref}
          aria-label={label}
          placeholder={members.length ? `${label} (type @ to mention)` : label}
          value={text}
          maxLength={MAX_COMMENT_LENGTH}
          rows={2}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            matches.length ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined
          }
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        {matches.length > 0 ? (
          <div className="mention-list" id={listId} role="listbox" aria-label="Mention a member">
            {matches.map((m, i) => (
              <div
                key={m.userId}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? "active" : ""}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                <span className="mention-name">{m.name}</span> <span className="muted">{m.email}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="composer-actions">
        {onCancel ? (
          <button type="button" className="btn small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="btn small primary" disabled={!text.trim() || busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
