import { type InputHTMLAttributes, useEffect, useRef, useState } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  value: string;
  /** Called with the new value on Enter or blur, when it changed. */
  onCommit: (value: string) => void;
  /** Textarea (multi-line; Ctrl+Enter commits) instead of an input. */
  multiline?: boolean;
  /** Rows of the textarea. */
  rows?: number;
};

/**
 * A text field that edits a draft and commits it on Enter/blur (Escape reverts), so one edit is
 * one command and one undo step. Follows outside changes while not focused.
 */
export function CommitInput({ value, onCommit, multiline, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      commit();
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === "Escape") {
        setDraft(value);
        (e.target as HTMLElement).blur();
      } else if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        commit();
      }
    },
  };
  if (multiline)
    return (
      <textarea
        {...(rest as React.TextareaHTMLAttributes<HTMLTextAreaElement>)}
        {...common}
        onChange={(e) => setDraft(e.target.value)}
      />
    );
  return <input {...rest} {...common} onChange={(e) => setDraft(e.target.value)} />;
}
