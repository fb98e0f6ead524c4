import { useEffect, useState } from "react";
import { activityApi, type ActivityFilters as Filters } from "../api/activity.ts";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { ActivityFilters } from "./ActivityFilters.tsx";
import { ActivityList } from "./ActivityList.tsx";
import { useActivity } from "./useActivity.ts";
import "./activity.css";

/** The workspace's Activity page (`/activity`): every map's changes, filterable. */
export function ActivityPage() {
  const [filters, setFilters] = useState<Filters>({});
  useEffect(() => {
    document.title = "Activity — Wayline";
  }, []);
  const { entries, error, hasMore, more } = useActivity(
    (cursor) => activityApi.ofWorkspace(filters, cursor),
    JSON.stringify(filters),
  );
  return (
    <div className="home activity-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">Activity</span>
        <span className="spacer" />
        <InboxButton />
        <ThemeButton />
      </header>
      <main className="home-main">
        <h1>Activity</h1>
        <ActivityFilters value={filters} onChange={setFilters} withMap />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <ActivityList entries={entries} showMap />
        {hasMore ? (
          <button type="button" className="btn" onClick={() => void more()}>
            Show older
          </button>
        ) : null}
      </main>
    </div>
  );
}
