import { useEffect, useRef, useState } from "react";
import { useSession } from "./session-context.ts";

/**
 * A name shown as text; double-click, Enter or F2 (or the menu's Rename) turns it into an input.
 * Enter or blur saves, Escape cancels. Opens by itself right after its entity was added.
 */
export function InlineName({
  kind,
  id,
  name,
  label,
  editing,
  onRename,
}: {
  kind: "stage" | "lane";
  id: string;
  name: string;
  label: string;
  /** The input is open (the editor state's `editing` names this entity; read once per row by the parent). */
  editing: boolean;
  onRename: (name: string) => void;
}) {
  const session = useSession();
  const [draft, setDraft] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) {
      setDraft(name);
      requestAnimationFrame(() => input.current?.select());
    }
  }, [editing, name]);
  const open = () => session.store.setState({ editing: { kind, id } });
  const close = () => session.store.setState((s) => (s.editing?.id === id ? { editing: null } : {}));
  if (!editing)
    return (
      <button
        type="button"
        className="name-button"
        tabIndex={-1}
        title={`${name} (double-click to rename)`}
        onDoubleClick={open}
        onKeyDown={(e) => {
          if (e.key === "F2" || e.key === "Enter") {
            e.preventDefault();
            open();
          }
        }}
      >
        {name}
      </button>
    );
  const save = () => {
    const v = draft.trim();
    close();
    if (v && v !== name) onRename(v);
  };
  return (
    <input
      ref={input}
      className="name-input"
      aria-label={label}
      value={draft}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === "Enter") save();
        else if (e.key === "Escape") close();
      }}
    />
  );
}
