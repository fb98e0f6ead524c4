import { CircleAlert, CircleCheck } from "lucide-react";
import { formatDuration } from "../../domain/duration.ts";
import { SLA_STATUS_LABELS, type SlaStatus, slaStatus } from "../../domain/journey-data/index.ts";
import { useEditor } from "../editor/session-context.ts";
import { CellText } from "./CellText.tsx";
import { useStageDurations } from "./stage-durations.ts";
import "../editor/stage-sla.css";

const fmtCount = (n: number) => n.toLocaleString("en");
/** A duration that wraps only between its units: "1 d" / "50 min", never "1 d 50" / "min". */
const fmtTime = (ms: number) => formatDuration(ms).replace(/(\d) /g, "$1\u00a0");

/** Status in words with an icon (never colour alone). */
function StatusCell({ status }: { status: SlaStatus }) {
  const Icon = status === "met" ? CircleCheck : status === "breached" ? CircleAlert : null;
  return (
    <span className={`sla-status-cell sla-${status}`}>
      {Icon ? <Icon size={12} aria-hidden="true" /> : null}
      {SLA_STATUS_LABELS[status]}
    </span>
  );
}

/**
 * The map's durations on its data log: time in each stage (cases, median, p90) beside the stage's
 * SLA and status, and the log's activity durations. SLAs are the map's current ones (set in the
 * stage header menu); the measured figures come from the server.
 */
export function DurationsView() {
  const stages = useEditor((s) => s.map.stages);
  const { report, problem, loading, reload } = useStageDurations();
  if (problem === "no_log") return <p className="muted">Import an event log in the Data tab first.</p>;
  const byId = new Map((report?.stages ?? []).map((s) => [s.stageId, s]));
  return (
    <div className="durations-view">
      <div className="form-actions">
        <button type="button" className="btn ghost small" onClick={reload} disabled={loading}>
          ↻ Refresh
        </button>
        {report ? (
          <span className="muted">
            Log “{report.logName}”: {fmtCount(report.measured)} of {fmtCount(report.events)} events have a
            duration.
          </span>
        ) : null}
      </div>
      {problem ? <p className="error">{problem}</p> : null}
      {!report && loading ? <p className="muted">Measuring…</p> : null}
      {report ? (
        <>
          <h4>Time in stage</h4>
          <table className="data-table fixed durations-table" aria-label="Time in stage">
            <colgroup>
              <col />
              <col className="col-count" />
              <col className="col-time" />
              <col className="col-time" />
              <col className="col-sla" />
              <col className="col-status" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Cases</th>
                <th scope="col">Median</th>
                <th scope="col">p90</th>
                <th scope="col">SLA</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => {
                const m = byId.get(s.id);
                const cases = m?.cases ?? 0;
                const status = m ? slaStatus(s.sla, cases, m.duration) : s.sla ? "no_data" : "no_sla";
                const sla = s.sla
                  ? `${formatDuration(s.sla.targetMs)}${s.sla.label ? ` — ${s.sla.label}` : ""}`
                  : "–";
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      <CellText text={s.name} />
                    </th>
                    <td className="num">{fmtCount(cases)}</td>
                    <td className="num">{m && cases ? fmtTime(m.duration.medianMs) : "–"}</td>
                    <td className="num">{m && cases ? fmtTime(m.duration.p90Ms) : "–"}</td>
                    <td>
                      <CellText text={sla} />
                    </td>
                    <td>
                      <StatusCell status={status} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted">
            Time in stage: from a case's first event in the stage to its first later event in another stage
            (else its last event in the stage). Breached: the 90th percentile is above the SLA.
          </p>
          <h4>Activity durations</h4>
          {report.measured === 0 ? (
            <p className="muted">
              No event of this log has a duration. Interval logs have a Start Timestamp and a Complete
              Timestamp column; XES logs get durations with the “merge” lifecycle option.
            </p>
          ) : null}
          <table className="data-table fixed durations-table" aria-label="Activity durations">
            <colgroup>
              <col />
              <col className="col-count" />
              <col className="col-measured" />
              <col className="col-time" />
              <col className="col-time" />
              <col className="col-time" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Events</th>
                <th scope="col">Measured</th>
                <th scope="col">Median</th>
                <th scope="col">p90</th>
                <th scope="col">Mean</th>
              </tr>
            </thead>
            <tbody>
              {report.activities.map((a) => (
                <tr key={a.activity}>
                  <th scope="row">
                    <CellText text={a.activity} />
                  </th>
                  <td className="num">{fmtCount(a.events)}</td>
                  <td className="num">{fmtCount(a.measured)}</td>
                  <td className="num">{a.measured ? fmtTime(a.duration.medianMs) : "–"}</td>
                  <td className="num">{a.measured ? fmtTime(a.duration.p90Ms) : "–"}</td>
                  <td className="num">{a.measured ? fmtTime(a.duration.meanMs) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
