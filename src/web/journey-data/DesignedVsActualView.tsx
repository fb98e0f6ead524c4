import { scaleLinear } from "d3-scale";
import type { MapDataReport } from "../../contract/logs.ts";
import { fmtCount, fmtShare } from "./format.ts";

const ROW = 34;
const LABEL_W = 120;
const BAR_W = 230;

/** Designed vs actual: cases reaching each stage (bars), conversion, where people leave, gaps. */
export function DesignedVsActualView({ report }: { report: MapDataReport }) {
  const x = scaleLinear()
    .domain([0, Math.max(1, report.cases)])
    .range([0, BAR_W]);
  const height = report.stages.length * ROW + 8;
  const width = LABEL_W + BAR_W + 110;
  return (
    <section className="dva" aria-label="Designed vs actual">
      <dl className="stat-tiles">
        <div className="stat-tile">
          <dt>Cases</dt>
          <dd>{fmtCount(report.cases)}</dd>
        </div>
        <div className="stat-tile">
          <dt>Mapped cases</dt>
          <dd>{fmtCount(report.mappedCases)}</dd>
        </div>
        <div className="stat-tile">
          <dt>In designed order</dt>
          <dd>{fmtShare(report.inOrderShare)}</dd>
        </div>
        <div className="stat-tile">
          <dt>Complete, in order</dt>
          <dd>{fmtCount(report.completeInOrder)}</dd>
        </div>
      </dl>
      {report.stages.length ? (
        <svg
          className="dva-chart"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Cases reaching each stage: ${report.stages.map((s) => `${s.stageName} ${s.reached}`).join(", ")}`}
        >
          {report.stages.map((s, i) => {
            const y = i * ROW + 4;
            return (
              <g key={s.stageId} className={s.reached === 0 ? "dva-row unreached" : "dva-row"}>
                <text x={LABEL_W - 8} y={y + 18} textAnchor="end" className="chart-label">
                  {s.stageName.length > 20 ? `${s.stageName.slice(0, 19)}…` : s.stageName}
                </text>
                <rect x={LABEL_W} y={y} width={BAR_W} height={ROW - 10} className="dva-track" />
                <rect x={LABEL_W} y={y} width={x(s.reached)} height={ROW - 10} className="dva-bar">
                  <title>{`${s.stageName}: ${fmtCount(s.reached)} cases (${fmtShare(s.reachShare)})`}</title>
                </rect>
                <text x={LABEL_W + BAR_W + 8} y={y + 17} className="chart-sub">
                  {`${fmtCount(s.reached)} · ${fmtShare(s.reachShare, 0)}`}
                </text>
              </g>
            );
          })}
        </svg>
      ) : (
        <p className="muted">The map has no stages.</p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Reached</th>
            <th scope="col">Conversion</th>
            <th scope="col">Leave here</th>
          </tr>
        </thead>
        <tbody>
          {report.stages.map((s) => (
            <tr key={s.stageId}>
              <th scope="row">{s.stageName}</th>
              <td className="num">{fmtCount(s.reached)}</td>
              <td className="num">{fmtShare(s.conversion)}</td>
              <td className={`num${s.leftHere === maxLeft(report) && s.leftHere > 0 ? " hot" : ""}`}>
                {fmtCount(s.leftHere)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unreachedStages.length ? (
        <p className="warn-text">
          Nobody reaches: {report.unreachedStages.map((s) => s.stageName).join(", ")}. Add activity rules for
          these stages, or question whether they exist.
        </p>
      ) : null}
      <h4>Hidden journeys ({fmtCount(report.hiddenActivities.length)} unmapped activities)</h4>
      {report.hiddenActivities.length ? (
        <ul className="hidden-activities">
          {report.hiddenActivities.map((h) => (
            <li key={h.activity}>
              <span className="activity-name">{h.activity}</span>
              <span className="muted">
                {fmtCount(h.events)} events · {fmtCount(h.cases)} cases
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Every activity of the log is mapped to a stage.</p>
      )}
      {report.coverage < 1 ? (
        <p className="muted">
          Computed on the most frequent variants ({fmtShare(report.coverage)} of cases).
        </p>
      ) : null}
    </section>
  );
}

const maxLeft = (r: MapDataReport) => Math.max(0, ...r.stages.map((s) => s.leftHere));
