import type { PainBrief, PainLinkDecision, PainRef, SimilarPainEntry } from "./portfolio-api.ts";

/** Where a pain point opens: its map with the card's panel (`?card=`, see comments/useDiscussion). */
export const painHref = (p: PainRef) =>
  `/maps/${encodeURIComponent(p.mapId)}?card=${encodeURIComponent(p.cardId)}`;

/** "3 similar pain points in other maps" (what the portfolio row and the panel say). */
export function similarCountText(n: number): string {
  return `${n} similar pain point${n === 1 ? "" : "s"} in other maps`;
}

function PainLink({ p }: { p: PainBrief }) {
  return (
    <a href={painHref(p)}>
      <strong>{p.mapTitle}</strong> · {p.stageName}: {p.summary || "Untitled pain point"}
    </a>
  );
}

/**
 * A pain point's similar pain points of other maps (link / dismiss) and its linked siblings
 * (unlink); each opens its map at the card. Texts are rendered as text, never as HTML.
 */
export function SimilarPains({
  entry,
  onDecide,
  busy = false,
}: {
  entry: SimilarPainEntry;
  onDecide: (other: PainRef, decision: PainLinkDecision) => void;
  busy?: boolean;
}) {
  const ref = (p: PainBrief): PainRef => ({ mapId: p.mapId, cardId: p.cardId });
  return (
    <div className="similar-pains">
      {entry.siblings.length > 0 ? (
        <>
          <h3>Linked in other maps</h3>
          <ul aria-label="Linked pain points">
            {entry.siblings.map((s) => (
              <li key={`${s.mapId}/${s.cardId}`}>
                <PainLink p={s} />{" "}
                <button
                  type="button"
                  className="btn ghost"
                  disabled={busy}
                  aria-label={`Unlink ${s.summary} (${s.mapTitle})`}
                  onClick={() => onDecide(ref(s), "unlink")}
                >
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.suggestions.length > 0 ? (
        <>
          <h3>{similarCountText(entry.suggestions.length)}</h3>
          <ul aria-label="Similar pain points">
            {entry.suggestions.map((s) => (
              <li key={`${s.mapId}/${s.cardId}`}>
                <PainLink p={s} />{" "}
                <span className="muted" title={`TF-IDF cosine ${s.score}`}>
                  {Math.round(s.score * 100)} % alike · {s.shared.slice(0, 4).join(", ")}
                </span>{" "}
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  aria-label={`Link ${s.summary} (${s.mapTitle})`}
                  onClick={() => onDecide(ref(s), "link")}
                >
                  Link
                </button>
                <button
                  type="button"
                  className="btn ghost"
                  disabled={busy}
                  aria-label={`Dismiss ${s.summary} (${s.mapTitle})`}
                  onClick={() => onDecide(ref(s), "dismiss")}
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.siblings.length === 0 && entry.suggestions.length === 0 ? (
        <p className="muted">No similar pain points in other maps.</p>
      ) : null}
    </div>
  );
}
