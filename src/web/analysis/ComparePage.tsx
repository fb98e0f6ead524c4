import { useEffect, useState } from "react";
import type { MapView } from "../../contract/journeys.ts";
import type { MapComparison } from "../../domain/analysis/index.ts";
import { analysisApi } from "../api/analysis.ts";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { navigate } from "../router.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { CompareView } from "./CompareView.tsx";
import { compareRows } from "./compare-rows.ts";
import "./analysis.css";

interface Loaded {
  current: MapView;
  future: MapView;
  comparison: MapComparison;
}

/** Loads both maps (the current state first, whichever order the path names them) and compares them. */
async function load(a: string, b: string): Promise<Loaded> {
  const [x, y] = await Promise.all([analysisApi.getJourney(a), analysisApi.getJourney(b)]);
  const [current, future] = x.kind === "future_state" && y.kind !== "future_state" ? [y, x] : [x, y];
  return { current, future, comparison: await analysisApi.compare(current.id, future.id) };
}

const mapLink = (m: MapView, label: string) => (
  <a
    href={`/maps/${encodeURIComponent(m.id)}`}
    className="btn"
    onClick={(e) => {
      e.preventDefault();
      navigate(`/maps/${encodeURIComponent(m.id)}`);
    }}
  >
    {label}
  </a>
);

/** `/maps/:id/compare/:otherId`: current vs future state side by side. */
export function ComparePage({ ids }: { ids: [string, string] }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [a, b] = ids;
  useEffect(() => {
    let live = true;
    load(a, b).then(
      (d) => live && setData(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [a, b]);
  useEffect(() => {
    if (data) document.title = `Compare ${data.current.title} — Wayline`;
  }, [data]);
  return (
    <div className="compare-page">
      <header className="topbar toolbar">
        <HomeLink />
        <h1>Current vs future state</h1>
        <span className="spacer" />
        {data ? (
          <>
            {mapLink(data.current, "Open current state")}
            {mapLink(data.future, "Open future state")}
          </>
        ) : null}
        <InboxButton />
        <ThemeButton />
      </header>
      <main className="compare-main">
        {error ? <p className="error">Could not compare these maps: {error}</p> : null}
        {!data && !error ? <p className="muted">Comparing…</p> : null}
        {data ? (
          <CompareView
            rows={compareRows(data.comparison, data.current, data.future)}
            current={data.current}
            future={data.future}
            scale={data.comparison.scale}
          />
        ) : null}
      </main>
    </div>
  );
}
