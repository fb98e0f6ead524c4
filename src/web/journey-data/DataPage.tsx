import { useEffect, useState } from "react";
import type { JourneySummary } from "../../contract/journeys.ts";
import type { LogInfo, MapDataReport } from "../../contract/logs.ts";
import { api } from "../api/client.ts";
import { logsApi } from "../api/logs.ts";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { navigate } from "../router.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { DesignedVsActualView } from "./DesignedVsActualView.tsx";
import { LogDetail } from "./LogDetail.tsx";
import { LogList } from "./LogList.tsx";
import { selectLog, useSelectedLog } from "./selected-log.ts";
import { UploadLogForm } from "./UploadLogForm.tsx";
import { useLogs } from "./useLogs.ts";
import "./data.css";

/** The Data tab (`/data`): import event logs, browse their statistics and analytics, compare with a map. */
export function DataPage() {
  const { logs, error, reload } = useLogs();
  const selectedId = useSelectedLog();
  const selected = logs?.find((l) => l.id === selectedId) ?? logs?.[0] ?? null;
  useEffect(() => {
    document.title = "Data — Wayline";
  }, []);
  const imported = (info: LogInfo) => {
    selectLog(info.id);
    reload();
  };
  const remove = async (l: LogInfo) => {
    if (!window.confirm(`Delete the log “${l.name}”? Maps keep their rules.`)) return;
    await logsApi.remove(l.id).catch((e: Error) => window.alert(e.message));
    if (selectedId === l.id) selectLog(null);
    reload();
  };
  return (
    <div className="home data-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">Data</span>
        <span className="spacer" />
        <InboxButton />
        <ThemeButton />
      </header>
      <main className="home-main data-main">
        <h1>Event logs</h1>
        <div className="data-columns">
          <div className="data-side">
            <section className="data-card" aria-label="Import">
              <h2>Import a log</h2>
              <UploadLogForm onImported={imported} />
            </section>
            <section className="data-card" aria-label="Logs">
              <h2>Logs</h2>
              {error ? <p className="error">Could not list logs: {error}</p> : null}
              {logs ? (
                <LogList logs={logs} selected={selected?.id ?? null} onSelect={selectLog} onDelete={remove} />
              ) : (
                <p className="muted">Loading…</p>
              )}
            </section>
          </div>
          {selected ? (
            <div className="data-card data-detail">
              <h2>{selected.name}</h2>
              <LogDetail key={selected.id} log={selected} />
              <MapComparison logId={selected.id} />
            </div>
          ) : null}
        </div>
      </main>
    </div>
  );
}

/** Designed vs actual of a chosen map against the selected log. */
function MapComparison({ logId }: { logId: string }) {
  const [maps, setMaps] = useState<JourneySummary[]>([]);
  const [mapId, setMapId] = useState("");
  const [report, setReport] = useState<MapDataReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listJourneys().then(setMaps, () => setMaps([]));
  }, []);
  useEffect(() => {
    setReport(null);
    setError(null);
    if (!mapId) return;
    let live = true;
    logsApi.mapData(mapId, logId).then(
      (r) => live && setReport(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [mapId, logId]);
  return (
    <section className="map-comparison" aria-label="Designed vs actual">
      <h3>Designed vs actual</h3>
      <label className="inline-field">
        <span>Map</span>
        <select value={mapId} onChange={(e) => setMapId(e.target.value)}>
          <option value="">Choose a map…</option>
          {maps.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      {mapId ? (
        <button
          type="button"
          className="btn small"
          onClick={() => navigate(`/maps/${encodeURIComponent(mapId)}`)}
        >
          Open map to edit its activity rules
        </button>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {report ? <DesignedVsActualView report={report} /> : null}
    </section>
  );
}
