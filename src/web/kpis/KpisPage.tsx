import { useEffect, useState } from "react";
import { navigate } from "../router.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { KpiTable } from "./KpiTable.tsx";
import { type KpiItem, kpisApi } from "./kpis-api.ts";
import "../portfolio/portfolio.css";
import "./kpis.css";

/** KPIs (`/kpis`): every KPI across maps with its history, target and the solutions meant to move it. */
export function KpisPage() {
  const [items, setItems] = useState<KpiItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = "KPIs — Wayline";
    kpisApi.list().then(
      (r) => setItems(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <div className="home portfolio-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">KPIs</span>
        <span className="spacer" />
        <ThemeButton />
      </header>
      <main className="home-main">
        <div className="home-actions">
          <h1>KPIs across maps</h1>
        </div>
        {error ? <p className="error">{error}</p> : null}
        {items === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <KpiTable items={items} onOpen={(id) => navigate(`/maps/${id}`)} />
        )}
      </main>
    </div>
  );
}
