import { useState } from "react";
import { useEditor, useSession } from "../editor/session-context.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import { HealthView } from "./HealthView.tsx";
import { localToday, PainPointList } from "./PainPointList.tsx";
import { revealLocation } from "./reveal.ts";
import { SummaryPreview } from "./SummaryPreview.tsx";
import { useAnalysis, useRefreshAnalysis } from "./useAnalysis.ts";
import "./analysis.css";

type Tab = "health" | "pain" | "summary";
const TABS: { id: Tab; label: string }[] = [
  { id: "health", label: "Health" },
  { id: "pain", label: "Pain points" },
  { id: "summary", label: "Summary" },
];

/** Side panel of the map's analysis: health check, prioritised pain points, stakeholder summary. */
export function AnalysisPanel() {
  const session = useSession();
  const mapId = useEditor((s) => s.map.id);
  const health = useAnalysis((s) => s.health);
  const insights = useAnalysis((s) => s.insights);
  const version = useAnalysis((s) => s.version);
  const loading = useAnalysis((s) => s.loading);
  const error = useAnalysis((s) => s.error);
  const refresh = useRefreshAnalysis();
  const [tab, setTab] = useState<Tab>("health");
  const close = () => session.store.setState({ panel: null });
  return (
    <aside className="side-panel wide analysis-panel" aria-label="Analysis">
      <PanelHead title="Analysis" onClose={close} />
      <div className="analysis-tabs">
        {/* A tablist holds only tabs (axe aria-required-children); Refresh sits beside it. */}
        <div role="tablist" aria-label="Analysis views" className="analysis-tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`analysis-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`analysis-view-${t.id}`}
              className={`analysis-tab${tab === t.id ? " active" : ""}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {t.id === "pain" && insights ? (
                <span className="tab-count">{insights.painPoints.length}</span>
              ) : null}
              {t.id === "health" && health ? (
                <span className="tab-count">{health.findings.length}</span>
              ) : null}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn ghost small refresh"
          onClick={refresh}
          disabled={loading}
          title="Re-run the analysis"
        >
          {loading ? "Checking…" : "↻ Refresh"}
        </button>
      </div>
      {error ? <p className="error">Analysis failed: {error}</p> : null}
      <div role="tabpanel" id={`analysis-view-${tab}`} aria-labelledby={`analysis-tab-${tab}`}>
        {tab === "health" ? (
          health ? (
            <HealthView report={health} onSelect={(loc) => revealLocation(session, loc)} />
          ) : (
            <p className="muted">Checking the map…</p>
          )
        ) : null}
        {tab === "pain" ? (
          insights ? (
            <PainPointList
              painPoints={insights.painPoints}
              today={localToday()}
              onSelect={(cardId) => revealLocation(session, { cardId })}
            />
          ) : (
            <p className="muted">Ranking pain points…</p>
          )
        ) : null}
        {tab === "summary" ? <SummaryPreview key={version} mapId={mapId} /> : null}
      </div>
    </aside>
  );
}
