import { useCallback, useEffect, useState } from "react";
import type { MapDataReport } from "../../contract/logs.ts";
import { logsApi } from "../api/logs.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { PanelHead } from "../panels/CardPanel.tsx";
import { navigate } from "../router.ts";
import { DesignedVsActualView } from "./DesignedVsActualView.tsx";
import { DurationsView } from "./DurationsView.tsx";
import { RulesEditor } from "./RulesEditor.tsx";
import { SurveysView } from "./SurveysView.tsx";
import { selectLog, useSelectedLog } from "./selected-log.ts";
import { useLogData } from "./useLogData.ts";
import { useLogs } from "./useLogs.ts";
import "./data.css";

type Tab = "rules" | "report" | "durations" | "surveys";
const TABS: { id: Tab; label: string }[] = [
  { id: "rules", label: "Activity rules" },
  { id: "report", label: "Designed vs actual" },
  { id: "durations", label: "Durations" },
  { id: "surveys", label: "Surveys" },
];

/** Side panel of the map's data overlay: activity rules, designed vs actual and KPIs, surveys. */
export function DataPanel() {
  const session = useSession();
  const map = useEditor((s) => s.map);
  const { logs } = useLogs();
  const chosen = useSelectedLog();
  const logId = logs?.some((l) => l.id === chosen) ? chosen : (logs?.[0]?.id ?? null);
  const { data } = useLogData(logId);
  const [tab, setTab] = useState<Tab>("rules");
  const close = () => session.store.setState({ panel: null });
  return (
    <aside className="side-panel wide data-panel" aria-label="Data">
      <PanelHead title="Data" onClose={close} />
      <div className="data-log-picker">
        <label className="inline-field">
          <span>Event log</span>
          <select
            value={logId ?? ""}
            onChange={(e) => selectLog(e.target.value || null)}
            disabled={!logs?.length}
          >
            {logs?.length ? null : <option value="">No logs imported</option>}
            {logs?.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn ghost small" onClick={() => navigate("/data")}>
          Open Data tab
        </button>
      </div>
      <div className="analysis-tabs" role="tablist" aria-label="Data views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`analysis-tab${tab === t.id ? " active" : ""}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === "rules" ? <span className="tab-count">{map.activityRules.length}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label} className="data-panel-body">
        {tab === "rules" ? (
          <RulesEditor map={map} activities={data?.activities ?? []} dispatch={(c) => session.dispatch(c)} />
        ) : null}
        {tab === "report" ? (
          logId ? (
            <MapReport logId={logId} />
          ) : (
            <p className="muted">Import an event log in the Data tab first.</p>
          )
        ) : null}
        {tab === "durations" ? <DurationsView /> : null}
        {tab === "surveys" ? <SurveysView mapId={map.id} /> : null}
      </div>
    </aside>
  );
}

/** Designed vs actual for the open map (after its pending edits are saved) and "Fill KPIs from data". */
function MapReport({ logId }: { logId: string }) {
  const session = useSession();
  const mapId = useEditor((s) => s.map.id);
  const rules = useEditor((s) => s.map.activityRules);
  const stages = useEditor((s) => s.map.stages);
  const [report, setReport] = useState<MapDataReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"load" | "kpis" | null>(null);
  const [filled, setFilled] = useState<string | null>(null);
  /** Empty: today's values; a past day: the log as it was at the end of that day (UTC). */
  const [asOf, setAsOf] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: rules and stages change what the server reports
  const load = useCallback(async () => {
    setBusy("load");
    try {
      await session.whenIdle();
      setReport(await logsApi.mapData(mapId, logId));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }, [session, mapId, logId, rules, stages]);
  useEffect(() => {
    void load();
  }, [load]);
  const fillKpis = async () => {
    setBusy("kpis");
    try {
      await session.whenIdle();
      const res = await logsApi.fillKpis(mapId, logId, asOf || undefined);
      session.adopt(res.map);
      setReport(res.report);
      setFilled(asOf);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="map-report">
      <div className="form-actions">
        <button type="button" className="btn primary" onClick={fillKpis} disabled={busy !== null}>
          {busy === "kpis" ? "Filling KPIs…" : "Fill KPIs from data"}
        </button>
        <label className="kpi-as-of">
          as of
          <input
            type="date"
            aria-label="KPI values as of (empty: today)"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn ghost small"
          onClick={() => void load()}
          disabled={busy !== null}
        >
          ↻ Refresh
        </button>
      </div>
      {filled !== null ? (
        <p className="ok" role="status">
          {filled
            ? `Recorded the values of ${filled} (events until the end of that day, UTC) in each KPI's history; the figures below are the log as it was then.`
            : "The “KPIs from data” lane now shows, per stage, cases reaching it, conversion, drop-off and median time."}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {report ? <DesignedVsActualView report={report} /> : busy ? <p className="muted">Comparing…</p> : null}
    </div>
  );
}
