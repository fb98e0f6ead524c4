import type { ActivityEntry } from "../../contract/activity.ts";
import { navigate } from "../router.ts";

const when = (iso: string) => new Date(iso).toLocaleString();

/** Entries newest first: "<who> <what>" with the time (and the map, on the workspace page). User text is text, never markup. */
export function ActivityList({ entries, showMap = false }: { entries: ActivityEntry[]; showMap?: boolean }) {
  if (entries.length === 0) return <p className="muted">No activity yet.</p>;
  return (
    <ol className="activity-list" aria-label="Activity">
      {entries.map((e) => (
        <li key={e.id} data-kind={e.kind}>
          <span className="activity-what">
            <strong>{e.actorName}</strong> {e.summary}
            {showMap ? (
              <>
                {" on "}
                <a
                  href={`/maps/${encodeURIComponent(e.journeyId)}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    navigate(`/maps/${encodeURIComponent(e.journeyId)}`);
                  }}
                >
                  {e.mapTitle}
                </a>
              </>
            ) : null}
          </span>
          <time className="muted" dateTime={e.updatedAt}>
            {when(e.updatedAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
