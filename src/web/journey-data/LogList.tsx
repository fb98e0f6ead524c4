import type { LogInfo } from "../../contract/logs.ts";
import { fmtCount } from "./format.ts";

/** The workspace's logs with their statistics; one is selected. */
export function LogList({
  logs,
  selected,
  onSelect,
  onDelete,
}: {
  logs: LogInfo[];
  selected: string | null;
  onSelect: (id: string) => void;
  onDelete?: (log: LogInfo) => void;
}) {
  if (!logs.length) return <p className="muted">No event logs yet. Import one above.</p>;
  return (
    <ul className="log-list" aria-label="Event logs">
      {logs.map((l) => (
        <li key={l.id} className={l.id === selected ? "selected" : undefined}>
          <button
            type="button"
            className="log-pick"
            aria-pressed={l.id === selected}
            onClick={() => onSelect(l.id)}
          >
            <span className="log-name">{l.name}</span>
            <span className="muted">
              {fmtCount(l.stats.events)} events · {fmtCount(l.stats.cases)} cases ·{" "}
              {fmtCount(l.stats.activities)} activities · {fmtCount(l.stats.variants)} variants
            </span>
          </button>
          {onDelete ? (
            <button
              type="button"
              className="btn ghost small"
              aria-label={`Delete ${l.name}`}
              onClick={() => onDelete(l)}
            >
              Delete
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
