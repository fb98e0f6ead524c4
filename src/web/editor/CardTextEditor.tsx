import { useEffect, useRef, useState } from "react";
import type { Card } from "../../domain/index.ts";
import { useLiveCardText } from "../collab/useLiveCardText.ts";
import { useSession } from "./session-context.ts";

const IDLE_COMMIT_MS = 800;

/**
 * Inline multi-line editing of a card's text. Keystrokes only touch local state (painted at once);
 * the text is committed as one `updateCard` after a pause, on blur, or with Escape/Ctrl+Enter.
 */
export function CardTextEditor({ card }: { card: Card }) {
  const session = useSession();
  const [draft, setDraft] = useState(card.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const committed = useRef(card.text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A collaborator's edit of this card shows here at once, merged with what I typed.
  useLiveCardText(card.id, card.text, ref, committed, setDraft);
  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = ref.current?.value ?? draft;
    if (text === committed.current) return;
    committed.current = text;
    session.dispatch([{ type: "updateCard", id: card.id, text }]);
  };
  useEffect(() => {
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);
  const close = () => {
    commit();
    session.store.setState((s) => (s.editing?.id === card.id ? { editing: null } : {}));
  };
  return (
    <textarea
      ref={ref}
      className="card-editor"
      aria-label="Card text"
      value={draft}
      maxLength={10_000}
      rows={2}
      onChange={(e) => {
        setDraft(e.target.value);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(commit, IDLE_COMMIT_MS);
      }}
      onBlur={close}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape" || (e.key === "Enter" && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          close();
          (e.currentTarget.closest(".card") as HTMLElement | null)?.focus();
        }
      }}
    />
  );
}
