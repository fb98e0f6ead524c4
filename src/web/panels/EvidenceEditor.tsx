import { useState } from "react";
import { type Card, type EvidenceKind, EvidenceKindSchema, EvidenceLinkSchema } from "../../domain/index.ts";
import { useSession } from "../editor/session-context.ts";

/** The research a card cites: list with links, remove, and a small form to add one. */
export function EvidenceEditor({ card }: { card: Card }) {
  const session = useSession();
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [kind, setKind] = useState<EvidenceKind>("interview");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const parsed = EvidenceLinkSchema.safeParse({
      id: crypto.randomUUID().replace(/-/g, ""),
      kind,
      title: title.trim(),
      url: url.trim() || null,
      date: null,
      note: "",
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      return;
    }
    setError(null);
    if (session.dispatch([{ type: "addEvidence", cardId: card.id, evidence: parsed.data }])) {
      setTitle("");
      setUrl("");
    }
  };
  return (
    <fieldset className="evidence">
      <legend>Evidence</legend>
      {card.evidence.length === 0 ? (
        <p className="muted">No evidence yet — this card is an assumption.</p>
      ) : null}
      <ul>
        {card.evidence.map((e) => (
          <li key={e.id}>
            <span className="chip">{e.kind.replace("_", " ")}</span>{" "}
            {e.url ? (
              <a href={e.url} target="_blank" rel="noreferrer noopener">
                {e.title}
              </a>
            ) : (
              e.title
            )}
            <button
              type="button"
              className="btn icon"
              aria-label={`Remove evidence ${e.title}`}
              onClick={() =>
                session.dispatch([{ type: "removeEvidence", cardId: card.id, evidenceId: e.id }])
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="evidence-form">
        <select
          aria-label="Evidence kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as EvidenceKind)}
        >
          {EvidenceKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {k.replace("_", " ")}
            </option>
          ))}
        </select>
        <input
          aria-label="Evidence title"
          placeholder="Title, e.g. Interview #4"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <input
          aria-label="Evidence URL"
          placeholder="https://… (optional)"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="button" className="btn small" onClick={add} disabled={!title.trim()}>
          Add evidence
        </button>
      </div>
      {error ? <p className="error">{error}</p> : null}
    </fieldset>
  );
}
