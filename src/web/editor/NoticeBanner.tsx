import { useEditor, useSession } from "./session-context.ts";

/** Explains conflicts and refused changes; lists anything that could not be re-applied. */
export function NoticeBanner() {
  const notice = useEditor((s) => s.notice);
  const session = useSession();
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <div>
        <strong>{notice.title}</strong>
        {notice.lines.length ? (
          <ul>
            {notice.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are static text of one notice
              <li key={i}>{l}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="btn small" onClick={() => session.dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
