import { useEffect, useState } from "react";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { navigate } from "../router.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { ATTENTION_TITLES, AttentionList } from "./AttentionList.tsx";
import { ATTENTION_KINDS, type AttentionKind, type AttentionReport, portfolioApi } from "./portfolio-api.ts";
import "./portfolio.css";

/** Needs attention (`/attention`): what is stale or overdue across every map, per owner. */
export function AttentionPage() {
  const [owner, setOwner] = useState("");
  const [kind, setKind] = useState<AttentionKind | "">("");
  const [report, setReport] = useState<AttentionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = "Needs attention — Wayline";
  }, []);
  useEffect(() => {
    portfolioApi.attention({ owner: owner || undefined, kinds: kind ? [kind] : undefined }).then(
      (r) => {
        setReport(r);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [owner, kind]);
  return (
    <div className="home attention-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">Needs attention</span>
        <span className="spacer" />
        <InboxButton />
        <ThemeButton />
      </header>
      <main className="home-main">
        <h1>Needs attention</h1>
        {report ? (
          <p className="muted">
            {report.items.length} item(s) across {report.mapCount} map(s) on {report.today}
          </p>
        ) : null}
        <search className="filters">
          <label className="filter">
            <span>Owner</span>
            <select value={owner} onChange={(e) => setOwner(e.target.value)} aria-label="Filter by owner">
              <option value="">Everyone</option>
              {(report?.owners ?? [])
                .filter((o): o is { owner: string; count: number } => o.owner !== null)
                .map((o) => (
                  <option key={o.owner} value={o.owner}>
                    {o.owner} ({o.count})
                  </option>
                ))}
            </select>
          </label>
          <label className="filter">
            <span>Kind</span>
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as AttentionKind | "")}
              aria-label="Filter by kind"
            >
              <option value="">All</option>
              {ATTENTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ATTENTION_TITLES[k]}
                </option>
              ))}
            </select>
          </label>
        </search>
        {error ? <p className="error">Could not load the list: {error}</p> : null}
        {report ? (
          <AttentionList items={report.items} onOpen={navigate} />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </main>
    </div>
  );
}
