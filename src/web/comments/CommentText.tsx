import { parseCommentText } from "../../domain/comments/index.ts";

/**
 * A comment body drawn as text: mentions as highlighted names, http(s) links as links that open
 * in a new tab without referrer. Nothing is ever parsed as HTML: every piece is a React text node.
 */
export function CommentText({ body }: { body: string }) {
  return (
    <p className="comment-text">
      {parseCommentText(body).map((s, i) => {
        const key = `${i}-${s.kind}`;
        if (s.kind === "mention")
          return (
            <span key={key} className="mention">
              @{s.name}
            </span>
          );
        if (s.kind === "link")
          return (
            <a key={key} href={s.url} target="_blank" rel="noopener noreferrer nofollow ugc">
              {s.url}
            </a>
          );
        return <span key={key}>{s.text}</span>;
      })}
    </p>
  );
}
