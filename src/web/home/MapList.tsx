import { useState } from "react";
import type { JourneySummary } from "../../contract/journeys.ts";
import type { MapKind, MapStatus, Persona } from "../../domain/index.ts";
import { api } from "../api/client.ts";
import { KIND_LABELS, relativeTime, STATUS_LABELS } from "../labels.ts";
import { navigate } from "../router.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { ConfirmDialog } from "../ui/Dialog.tsx";

/** The maps as a table: open, duplicate, archive/restore and delete (confirmed). */
export function MapList({
  maps,
  personas,
  onChanged,
  onError,
  onClearFilters,
}: {
  maps: JourneySummary[];
  personas: Persona[];
  onChanged: () => void;
  onError: (message: string) => void;
  /** Resets search and filters (shown when they hide every map). */
  onClearFilters: () => void;
}) {
  const [deleting, setDeleting] = useState<JourneySummary | null>(null);
  const byId = new Map(personas.map((p) => [p.id as string, p]));
  const run = (p: Promise<unknown>) => p.then(onChanged, (e: Error) => onError(e.message));

  const duplicate = (m: JourneySummary) =>
    run(
      api
        .exportJourney(m.id)
        .then((doc) => api.importJourney(doc))
        .then((copy) =>
          api.patchJourney(copy.id, { title: `${m.title} (copy)`.slice(0, 200), status: "draft" }),
        ),
    );
  const setStatus = (m: JourneySummary, status: MapStatus) => run(api.patchJourney(m.id, { status }));

  if (maps.length === 0)
    return (
      <div className="empty" role="status">
        <p>No maps match the search and filters.</p>
        <button type="button" className="btn" onClick={onClearFilters}>
          Clear search and filters
        </button>
      </div>
    );
  return (
    <>
      <table className="map-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Personas</th>
            <th scope="col">Last edited</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {maps.map((m) => (
            <tr key={m.id}>
              <td className="map-title">
                <a
                  href={`/maps/${m.id}`}
                  className="map-link"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/maps/${m.id}`);
                  }}
                >
                  {m.title}
                </a>
              </td>
              <td className="map-kind" data-label="Kind">
                {KIND_LABELS[m.kind as MapKind] ?? m.kind}
              </td>
              <td className="map-status" data-label="Status">
                <span className={`status status-${m.status}`}>
                  {STATUS_LABELS[m.status as MapStatus] ?? m.status}
                </span>
              </td>
              <td className="map-personas" data-label="Personas">
                <span className="avatars">
                  {m.personaIds.map((id) => {
                    const p = byId.get(id);
                    return p ? <Avatar key={id} persona={p} size={24} /> : null;
                  })}
                </span>
              </td>
              <td className="map-edited" data-label="Last edited" title={m.updatedAt}>
                {relativeTime(m.updatedAt)}
              </td>
              <td className="row-actions">
                <button type="button" className="btn small" onClick={() => duplicate(m)}>
                  Duplicate
                </button>
                {m.status === "archived" ? (
                  <button type="button" className="btn small" onClick={() => setStatus(m, "draft")}>
                    Restore
                  </button>
                ) : (
                  <button type="button" className="btn small" onClick={() => setStatus(m, "archived")}>
                    Archive
                  </button>
                )}
                <button type="button" className="btn small danger" onClick={() => setDeleting(m)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting ? (
        <ConfirmDialog
          title="Delete map?"
          message={`“${deleting.title}” and everything on it will be deleted. This cannot be undone.`}
          confirmLabel="Delete map"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const m = deleting;
            setDeleting(null);
            run(api.deleteJourney(m.id));
          }}
        />
      ) : null}
    </>
  );
}
