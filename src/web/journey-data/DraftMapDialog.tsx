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

/** The stage's touchpoint cards as one line ("Web 64 %, App 20 %"), empty when none. */
function touchpointsOf(p: DraftMapProposal, stageId: string): string {
  return p.draft.touchpoints.cards
    .filter((t) => t.stageId === stageId)
    .map((t) => `${t.value} ${Math.round(t.share * 100)} %`)
    .join(", ");
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
  // The channel attribute typed by the reviewer; `asked` is the one the proposal was read with.
  const [channel, setChannel] = useState("");
  const [asked, setAsked] = useState("");
  useEffect(() => {
    setError(null);
    draftsApi.propose(logId, asked ? { channel: asked } : {}).then(
      (p) => {
        setProposal(p);
        setTitle((t) => t || p.draft.title);
        setNames((n) => ({ ...Object.fromEntries(p.draft.stages.map((s) => [s.id, s.name])), ...n }));
        setChannel(p.draft.touchpoints.attribute ?? asked);
      },
      (e: Error) => setError(e.message),
    );
  }, [logId, asked]);
  const create = async () => {
    if (!proposal) return;
    setSaving(true);
    try {
      const stageNames = renamed(proposal, names);
      const { map } = await draftsApi.save(logId, {
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(asked ? { channel: asked } : {}),
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
          <p className="muted">
            <label>
              Channel attribute{" "}
              <input
                aria-label="Channel attribute"
                value={channel}
                maxLength={200}
                placeholder="channel, via, source …"
                onChange={(e) => setChannel(e.target.value)}
              />
            </label>{" "}
            <button
              type="button"
              className="btn"
              disabled={channel.trim() === (proposal.draft.touchpoints.attribute ?? asked)}
              onClick={() => setAsked(channel.trim())}
            >
              Read touchpoints
            </button>{" "}
            {proposal.draft.touchpoints.attribute === null
              ? "No channel attribute found: the draft has no touchpoints lane."
              : `Touchpoints from “${proposal.draft.touchpoints.attribute}”.`}
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
                {touchpointsOf(proposal, s.id) ? (
                  <span className="muted"> · {touchpointsOf(proposal, s.id)}</span>
                ) : null}
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
