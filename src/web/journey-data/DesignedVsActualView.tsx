import { scaleLinear } from "d3-scale";
import type { MapDataReport } from "../../contract/logs.ts";
import { CellText } from "./CellText.tsx";
import { fmtCount, fmtShare } from "./format.ts";
import { textWidth, useFontsLoaded, wrapText } from "./text-measure.ts";
import { useWidth } from "./useWidth.ts";

const LINE = 15;
const BAR_H = 14;
const GAP = 10;
const VALUE_W = 96;

/** Rows of the bar chart: each stage name wrapped over the full width, its bar below it. */
function chartRows(names: readonly string[], width: number) {
  let y = 4;
  return names.map((n) => {
    const lines = wrapText(n, width - 4, (t) => textWidth(t, "12px"));
    const row = { lines, labelY: y + 12, barY: y + lines.length * LINE + 2 };
    y = row.barY + BAR_H + GAP;
    return { ...row, bottom: y };
  });
}

/** Designed vs actual: cases reaching each stage (bars), conversion, where people leave, gaps. */
export function DesignedVsActualView({ report }: { report: MapDataReport }) {
  useFontsLoaded();
  const { ref, width: box } = useWidth<HTMLElement>(460);
  const width = Math.max(200, box);
  const barW = width - VALUE_W;
  const x = scaleLinear()
    .domain([0, Math.max(1, report.cases)])
    .range([0, barW]);
  const rows = chartRows(
    report.stages.map((s) => s.stageName),
    width,
  );
  const height = (rows[rows.length - 1]?.bottom ?? 8) + 4;
  return (
    <section className="dva" aria-label="Designed vs actual" ref={ref}>
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
            const r = rows[i] ?? { lines: [s.stageName], labelY: 0, barY: 0 };
            return (
              <g key={s.stageId} className={s.reached === 0 ? "dva-row unreached" : "dva-row"}>
                <text x={0} y={r.labelY} className="chart-label">
                  {r.lines.map((l, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: lines of one name, in order
                    <tspan key={j} x={0} y={r.labelY + j * LINE}>
                      {l}
                    </tspan>
                  ))}
                </text>
                <rect x={0} y={r.barY} width={barW} height={BAR_H} rx={3} className="dva-track" />
                <rect x={0} y={r.barY} width={x(s.reached)} height={BAR_H} rx={3} className="dva-bar">
                  <title>{`${s.stageName}: ${fmtCount(s.reached)} cases (${fmtShare(s.reachShare)})`}</title>
                </rect>
                <text x={width} y={r.barY + BAR_H - 2} textAnchor="end" className="chart-sub dva-value">
                  {`${fmtCount(s.reached)} · ${fmtShare(s.reachShare, 0)}`}
                </text>
              </g>
            );
          })}
        </svg>
      ) : (
        <p className="muted">The map has no stages.</p>
      )}
      <table className="data-table fixed dva-table">
        <colgroup>
          <col />
          <col className="col-count" />
          <col className="col-share" />
          <col className="col-count" />
        </colgroup>
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
              <th scope="row">
                <CellText text={s.stageName} />
              </th>
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
