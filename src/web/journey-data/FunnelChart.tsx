import { scaleBand, scaleLinear } from "d3-scale";
import type { FunnelFigures, FunnelResult } from "../../domain/journey-data/index.ts";
import { fmtCount, fmtShare } from "./format.ts";

/** Colours of breakdown series (theme-independent mid tones that read on light and dark). */
const SERIES_COLORS = ["var(--accent)", "#d9822b", "#2f9e8f", "#b05cc6", "#c94f4f", "#7d8b2e"];
const MAX_SERIES = 6;

const HEIGHT = 260;
const PAD = { top: 28, right: 12, bottom: 56, left: 48 };

/** The series a funnel draws: the overall figures, or up to six breakdown values. */
export function funnelSeries(result: FunnelResult): { name: string; figures: FunnelFigures }[] {
  if (result.breakdown?.length)
    return result.breakdown.slice(0, MAX_SERIES).map((b) => ({ name: b.value || "(empty)", figures: b }));
  return [{ name: "All cases", figures: result }];
}

/**
 * A funnel as SVG bars: one group per step, bar height = cases reaching the step as a share of
 * those entering; the drop-off is drawn as a faint bar above. Labels are SVG text (never HTML).
 */
export function FunnelChart({ result, width = 640 }: { result: FunnelResult; width?: number }) {
  const series = funnelSeries(result);
  const steps = result.steps.map((s) => s.activity);
  const x = scaleBand<number>()
    .domain(steps.map((_, i) => i))
    .range([PAD.left, width - PAD.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .paddingInner(0.08);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - PAD.bottom, PAD.top]);
  const ticks = y.ticks(4);
  return (
    <figure className="funnel-figure">
      <svg
        className="funnel-chart"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={`Funnel: ${steps.join(" → ")}; ${fmtShare(result.conversion)} of ${fmtCount(result.entered)} cases convert`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="chart-tick">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        {steps.map((name, i) => {
          const x0 = x(i) ?? 0;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a step may repeat an activity; position is its identity
            <g key={i} className="funnel-step" data-step={i}>
              {series.map((s, si) => {
                const step = s.figures.steps[i];
                const share = step && s.figures.entered ? step.count / s.figures.entered : 0;
                const bx = x0 + (inner(si) ?? 0);
                const bw = inner.bandwidth();
                return (
                  <g key={s.name}>
                    <rect
                      x={bx}
                      y={PAD.top}
                      width={bw}
                      height={y(share) - PAD.top}
                      className="funnel-dropoff"
                    />
                    <rect
                      x={bx}
                      y={y(share)}
                      width={bw}
                      height={y(0) - y(share)}
                      fill={SERIES_COLORS[si % SERIES_COLORS.length]}
                      className="funnel-bar"
                    >
                      <title>{`${s.name} · ${name}: ${fmtCount(step?.count ?? 0)} cases (${fmtShare(share)})`}</title>
                    </rect>
                    {series.length === 1 ? (
                      <text x={bx + bw / 2} y={y(share) - 6} textAnchor="middle" className="funnel-count">
                        {fmtCount(step?.count ?? 0)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text
                x={x0 + x.bandwidth() / 2}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
                className="chart-label"
              >
                {name.length > 22 ? `${name.slice(0, 21)}…` : name}
              </text>
              {i > 0 && series.length === 1 ? (
                <text
                  x={x0 + x.bandwidth() / 2}
                  y={HEIGHT - PAD.bottom + 32}
                  textAnchor="middle"
                  className="chart-sub"
                >
                  {`${fmtShare(result.steps[i]?.stepConversion ?? 0)} from previous`}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-label="Breakdown">
          {series.map((s, si) => (
            <li key={s.name}>
              <span className="swatch" style={{ background: SERIES_COLORS[si % SERIES_COLORS.length] }} />
              {s.name} — {fmtShare(s.figures.conversion)} of {fmtCount(s.figures.entered)}
            </li>
          ))}
          {(result.breakdown?.length ?? 0) > MAX_SERIES ? (
            <li className="muted">
              +{(result.breakdown?.length ?? 0) - MAX_SERIES} more values in the table
            </li>
          ) : null}
        </ul>
      ) : null}
    </figure>
  );
}

/** The funnel's figures as a table: per step count, overall and step conversion, drop-off. */
export function FunnelTable({ result }: { result: FunnelResult }) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Cases</th>
          <th scope="col">Of entered</th>
          <th scope="col">From previous</th>
          <th scope="col">Drop-off</th>
        </tr>
      </thead>
      <tbody>
        {result.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps may repeat an activity
          <tr key={i}>
            <th scope="row">{s.activity}</th>
            <td className="num">{fmtCount(s.count)}</td>
            <td className="num">{fmtShare(s.conversion)}</td>
            <td className="num">{i === 0 ? "–" : fmtShare(s.stepConversion)}</td>
            <td className="num">{i === 0 ? "–" : fmtCount(s.dropOff)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
