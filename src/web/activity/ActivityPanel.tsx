import { useState } from "react";
import { activityApi, type ActivityFilters as Filters } from "../api/activity.ts";
import { useEditor } from "../editor/session-context.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import { ActivityFilters } from "./ActivityFilters.tsx";
import { ActivityList } from "./ActivityList.tsx";
import { useActivityPanel } from "./activity-store.ts";
import { useActivity } from "./useActivity.ts";
import "./activity.css";

/** The editor's Activity panel: who changed what on this map, newest first, live. */
export function ActivityPanel() {
  const { open, close } = useActivityPanel();
  return open ? <OpenPanel onClose={close} /> : null;
}

function OpenPanel({ onClose }: { onClose: () => void }) {
  const mapId = useEditor((s) => s.map.id);
  const [filters, setFilters] = useState<Filters>({});
  const { entries, error, hasMore, more } = useActivity(
    (cursor) => activityApi.ofMap(mapId, filters, cursor),
    `${mapId}|${JSON.stringify(filters)}`,
  );
  return (
    <aside className="side-panel wide activity-panel" aria-label="Activity">
      <PanelHead title="Activity" onClose={onClose} />
      <ActivityFilters value={filters} onChange={setFilters} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <ActivityList entries={entries} />
      {hasMore ? (
        <button type="button" className="btn" onClick={() => void more()}>
          Show older
        </button>
      ) : null}
    </aside>
  );
}
