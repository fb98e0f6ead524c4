import { useEffect, useState } from "react";
import type { DraftMapProposal } from "../../contract/draft-map.ts";
import { draftsApi } from "../api/drafts.ts";
import { navigate } from "../router.ts";
import { Dialog } from "../ui/Dialog.tsx";

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Changed names only (unchanged or blank fields keep the proposal's name). */
function renamed(p: DraftMapProposal, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of p.draft.stages) {
    const n = names[s.id]?.trim();
    if (n && n !== s.name) out[s.id] = n;
  }
  return out;
}

/**
 * "Draft a map from this log": shows the proposed stages (with their activities, the share of
 * cases in order and the pain points found) for review and renaming, then creates the map.
 */
export function DraftMapDialog({ logId, onClose }: { logId: string; onClose: () => void }) {
  const [proposal, setProposal] = useState<DraftMapProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [names, setNames] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    draftsApi.propose(logId).then(
      (p) => {
        setProposal(p);
        setTitle(p.draft.title);
        setNames(Object.fromEntries(p.draft.stages.map((s) => [s.id, s.name])));
      },
      (e: Error) => setError(e.message),
    );
  }, [logId]);
  const create = async () => {
    if (!proposal) return;
    setSaving(true);
    try {
      const stageNames = renamed(proposal, names);
      const { map } = await draftsApi.save(logId, {
        ...(title.trim() ? { title: title.trim() } : {}),
        stageNames,
      });
      navigate(`/maps/${map.id}`);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };
  return (
    <Dialog title="Draft a map from this log" onClose={onClose} wide>
      {error ? <p className="error">{error}</p> : null}
      {!proposal && !error ? <p className="muted">Reading the log…</p> : null}
      {proposal ? (
        <form
          className="draft-map"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label>
            Title <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <p className="muted">
            {proposal.draft.stages.length} stages from the {proposal.draft.ordering.dominantVariants} most
            frequent variants ({pct(proposal.draft.ordering.dominantShare)} of cases);{" "}
            {pct(proposal.draft.fit.inOrderShare)} of cases pass them in order.
          </p>
          <ol className="draft-stages" aria-label="Proposed stages">
            {proposal.draft.stages.map((s) => (
              <li key={s.id}>
                <input
                  aria-label={`Name of stage ${s.name}`}
                  value={names[s.id] ?? ""}
                  maxLength={200}
                  onChange={(e) => setNames({ ...names, [s.id]: e.target.value })}
                />
                <span className="muted"> {s.activities.join(", ")}</span>
              </li>
            ))}
          </ol>
          {proposal.draft.pains.length ? (
            <>
              <h3>Pain points found</h3>
              <ul aria-label="Pain points found">
                {proposal.draft.pains.map((p) => (
                  <li key={p.text}>{p.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={saving}>
              {saving ? "Creating…" : "Create map"}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
