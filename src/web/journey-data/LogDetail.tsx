import { useState } from "react";
import type { LogInfo } from "../../contract/logs.ts";
import { DraftMapDialog } from "./DraftMapDialog.tsx";
import { FunnelBuilder } from "./FunnelBuilder.tsx";
import { LiveEvents } from "./LiveEvents.tsx";
import { LogStatsView } from "./LogStatsView.tsx";
import { PathsView } from "./PathsView.tsx";
import { ProcessMap } from "./ProcessMap.tsx";
import { RowErrors } from "./UploadLogForm.tsx";
import { useLogData } from "./useLogData.ts";
import { VariantsList } from "./VariantsList.tsx";

type View = "funnel" | "variants" | "dfg" | "paths";
const VIEWS: { id: View; label: string }[] = [
  { id: "funnel", label: "Funnel" },
  { id: "variants", label: "Variants" },
  { id: "dfg", label: "Process map" },
  { id: "paths", label: "Paths" },
];

/** One log: statistics, then funnel / variants / process map / paths as tabs. */
export function LogDetail({ log }: { log: LogInfo }) {
  const [version, setVersion] = useState(0);
  const { data, error } = useLogData(log.id, version);
  const [view, setView] = useState<View>("funnel");
  const [drafting, setDrafting] = useState(false);
  if (error) return <p className="error">Could not read this log: {error}</p>;
  if (!data) return <p className="muted">Reading {log.name}…</p>;
  return (
    <div className="log-detail">
      <LogStatsView stats={data.stats} />
      <button type="button" className="btn" onClick={() => setDrafting(true)}>
        Draft a map from this log
      </button>
      <LiveEvents logId={log.id} onRefresh={() => setVersion((v) => v + 1)} />
      {drafting ? <DraftMapDialog logId={log.id} onClose={() => setDrafting(false)} /> : null}
      {log.report.errors.length ? <RowErrors errors={log.report.errors} /> : null}
      <div className="analysis-tabs" role="tablist" aria-label="Log views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            aria-selected={view === v.id}
            className={`analysis-tab${view === v.id ? " active" : ""}`}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={VIEWS.find((v) => v.id === view)?.label}>
        {view === "funnel" ? <FunnelBuilder logId={log.id} activities={data.activities} /> : null}
        {view === "variants" ? <VariantsList result={data.variants} /> : null}
        {view === "dfg" ? (
          <ProcessMap
            logId={log.id}
            edges={data.dfg}
            starts={data.stats.startActivities}
            ends={data.stats.endActivities}
          />
        ) : null}
        {view === "paths" ? <PathsView logId={log.id} activities={data.activities} /> : null}
      </div>
    </div>
  );
}
