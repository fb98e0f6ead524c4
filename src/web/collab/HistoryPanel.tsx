import { useCallback, useEffect, useState } from "react";
import { type VersionDetail, type VersionItem, versionsApi } from "../api/versions.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import "./collab.css";
import { useHistoryOpen } from "./history-store.ts";

const when = (iso: string) => new Date(iso).toLocaleString();
const KIND = { auto: "Automatic", named: "Named", restore: "Before a restore" } as const;

/** What changed from a version to now, in a few lines. */
function DiffToNow({ d }: { d: VersionDetail["diffToNow"] }) {
  const lines: string[] = [];
  for (const s of d.stages.added) lines.push(`Stage added since: ${s.name}`);
  for (const s of d.stages.removed) lines.push(`Stage removed since: ${s.name}`);
  for (const c of d.cards) {
    for (const x of c.added) lines.push(`${c.stageName}: card added “${x.text.slice(0, 60)}”`);
    for (const x of c.removed) lines.push(`${c.stageName}: card removed “${x.text.slice(0, 60)}”`);
    if (c.changed.length) lines.push(`${c.stageName}: ${c.changed.length} card(s) changed`);
  }
  for (const e of d.emotion)
    if (e.delta) lines.push(`${e.stageName}: emotion ${e.delta > 0 ? "+" : ""}${e.delta}`);
  if (lines.length === 0) return <p className="muted">Same as now.</p>;
  return (
    <ul className="version-diff">
      {lines.slice(0, 40).map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** Read-only preview of a version: its stages with their cards. */
function VersionPreview({ v }: { v: VersionDetail }) {
  return (
    <section className="version-preview" aria-label={`Preview of ${v.label}`}>
      {v.map.stages.map((s) => (
        <section key={s.id}>
          <h4>{s.name}</h4>
          <ul>
            {v.map.cards
              .filter((c) => c.stageId === s.id)
              .slice(0, 12)
              .map((c) => (
                <li key={c.id}>{c.text || "(empty card)"}</li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** The version history of the open map: save a named version, preview, compare with now, restore. */
export function HistoryPanel() {
  const open = useHistoryOpen((s) => s.open);
  const close = useHistoryOpen((s) => s.close);
  const session = useSession();
  const mapId = useEditor((s) => s.map.id);
  const save = useEditor((s) => s.save);
  const [items, setItems] = useState<VersionItem[] | null>(null);
  const [label, setLabel] = useState("");
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => versionsApi.list(mapId).then(setItems, (e: Error) => setError(e.message)),
    [mapId],
  );
  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);
  if (!open) return null;
  const name = async () => {
    if (!label.trim()) return;
    try {
      await session.whenIdle();
      await versionsApi.save(mapId, label.trim());
      setLabel("");
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const restore = async (v: VersionItem) => {
    if (
      !window.confirm(
        `Restore “${v.label}” from ${when(v.createdAt)}? The map as it is now is kept as a version.`,
      )
    )
      return;
    try {
      await session.whenIdle();
      await versionsApi.restore(mapId, v.id);
      setDetail(null);
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <aside className="side-panel wide history-panel" aria-label="History">
      <PanelHead title="History" onClose={close} />
      {error ? <p className="error">{error}</p> : null}
      <form
        className="version-save"
        onSubmit={(e) => {
          e.preventDefault();
          void name();
        }}
      >
        <input
          aria-label="Version name"
          placeholder="Name this version, e.g. Before workshop"
          value={label}
          maxLength={120}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="btn primary" disabled={!label.trim() || save === "error"}>
          Save version
        </button>
      </form>
      {detail ? (
        <div className="version-detail">
          <h3>
            {detail.label} <span className="muted">· {when(detail.createdAt)}</span>
          </h3>
          <h4>Changed since then</h4>
          <DiffToNow d={detail.diffToNow} />
          <VersionPreview v={detail} />
          <div className="version-actions">
            <button type="button" className="btn" onClick={() => setDetail(null)}>
              Back to the list
            </button>
            <button type="button" className="btn primary" onClick={() => void restore(detail)}>
              Restore this version
            </button>
          </div>
        </div>
      ) : (
        <ol aria-label="Versions">
          {(items ?? []).map((v) => (
            <li key={v.id}>
              <div className="version-label">{v.label}</div>
              <div className="version-summary">
                {KIND[v.kind]} · {when(v.createdAt)}
                {v.authors.length ? ` · ${v.authors.join(", ")}` : ""}
              </div>
              <div className="version-summary">{v.summary}</div>
              <div className="version-actions">
                <button
                  type="button"
                  className="btn small"
                  onClick={() =>
                    versionsApi.get(mapId, v.id).then(setDetail, (e: Error) => setError(e.message))
                  }
                >
                  Preview & compare
                </button>
                <button type="button" className="btn small" onClick={() => void restore(v)}>
                  Restore
                </button>
              </div>
            </li>
          ))}
          {items && items.length === 0 ? (
            <li className="muted">No versions yet: they appear as people edit.</li>
          ) : null}
        </ol>
      )}
    </aside>
  );
}
