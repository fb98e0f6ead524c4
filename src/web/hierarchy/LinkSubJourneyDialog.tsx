import { useEffect, useMemo, useState } from "react";
import type { JourneySummary } from "../../contract/journeys.ts";
import type { Stage } from "../../domain/index.ts";
import { api } from "../api/client.ts";
import { useEditor } from "../editor/session-context.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** Links `mapId` under the stage through the API, which refuses cycles and maps of other workspaces. */
async function linkChild(parentId: string, stageId: string, childId: string): Promise<void> {
  const { version } = await api.getJourney(parentId);
  await api.applyCommands(parentId, version, [
    { type: "linkSubJourney", stageId: stageId as never, mapId: childId as never },
  ]);
}

/** "Link sub-journey…": pick a map of the workspace or create one from the stage (title prefilled). */
export function LinkSubJourneyDialog({
  stage,
  onClose,
  onLinked,
}: {
  stage: Stage;
  onClose: () => void;
  onLinked: () => void;
}) {
  const map = useEditor((s) => s.map);
  const [maps, setMaps] = useState<JourneySummary[] | null>(null);
  const [q, setQ] = useState("");
  const [title, setTitle] = useState(`${stage.name}: detailed journey`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.listJourneys({ limit: 200 }).then(setMaps, (e: Error) => setError(e.message));
  }, []);
  const choices = useMemo(
    () =>
      (maps ?? []).filter(
        (m) =>
          m.id !== map.id &&
          !stage.subJourneyIds.includes(m.id as never) &&
          m.title.toLowerCase().includes(q.trim().toLowerCase()),
      ),
    [maps, map.id, stage.subJourneyIds, q],
  );
  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      await linkChild(map.id, stage.id, await f());
      onLinked();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Link a sub-journey to “${stage.name}”`} onClose={onClose}>
      <form
        className="link-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) void run(async () => (await api.createBlank(title.trim(), "current_state")).id);
        }}
      >
        <label className="filter">
          <span>New map from this stage</span>
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-label="Title of the new sub-journey"
          />
        </label>
        <button type="submit" className="btn primary" disabled={busy || !title.trim()}>
          Create and link
        </button>
      </form>
      <label className="filter">
        <span>Or link an existing map</span>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label="Search maps to link"
        />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {maps === null ? (
        <p className="muted">Loading maps…</p>
      ) : choices.length === 0 ? (
        <p className="muted">No other map matches.</p>
      ) : (
        <ul className="link-choices">
          {choices.slice(0, 50).map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="btn ghost"
                disabled={busy}
                onClick={() => void run(async () => m.id)}
              >
                {m.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
