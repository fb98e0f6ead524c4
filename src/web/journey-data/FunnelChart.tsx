import { scaleBand, scaleLinear } from "d3-scale";
import type { FunnelFigures, FunnelResult } from "../../domain/journey-data/index.ts";
import { CellText } from "./CellText.tsx";
import { fmtCount, fmtShare } from "./format.ts";
import { textWidth, useFontsLoaded, wrapText } from "./text-measure.ts";

/** Colours of breakdown series (theme-independent mid tones that read on light and dark). */
const SERIES_COLORS = ["var(--accent)", "#d9822b", "#2f9e8f", "#b05cc6", "#c94f4f", "#7d8b2e"];
const MAX_SERIES = 6;

const PLOT = 180;
const PAD = { top: 28, right: 12, left: 48 };
const LABEL_LINE = 14;
/** Most lines a step label wraps to before the labels turn to a slant. */
const MAX_LINES = 5;
const SLANT = 35;

/** Step labels laid out for the band: wrapped lines, or one slanted line when words do not fit. */
export function stepLabels(names: readonly string[], band: number) {
  const measure = (t: string) => textWidth(t, "12px");
  const room = band - 6;
  const wrapped = names.map((n) => wrapText(n, room, measure));
  const fits = wrapped.every((lines) => lines.length <= MAX_LINES && lines.every((l) => measure(l) <= room));
  if (fits)
    return { slant: false, lines: wrapped, height: Math.max(...wrapped.map((l) => l.length)) * LABEL_LINE };
  const widest = Math.max(...names.map(measure));
  return {
    slant: true,
    lines: names.map((n) => [n]),
    height: widest * Math.sin((SLANT * Math.PI) / 180) + LABEL_LINE,
  };
}

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
  useFontsLoaded();
  const series = funnelSeries(result);
  const steps = result.steps.map((s) => s.activity);
  const labels = stepLabels(steps, (width - PAD.left - PAD.right) / Math.max(1, steps.length));

  const band = (width - PAD.left - PAD.right) / Math.max(1, steps.length);
  // "91.8 % from previous" on one line when it fits the band, else on two.
  const subTwoLines = textWidth("100.0 % from previous", "11px") > band - 6;
  const bottom = 10 + labels.height + (series.length === 1 ? (subTwoLines ? 32 : 18) : 0);
  const HEIGHT = PAD.top + PLOT + bottom;
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
    .range([PAD.top + PLOT, PAD.top]);
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
              <StepLabel
                x={x0 + x.bandwidth() / 2}
                y={PAD.top + PLOT + 16}
                lines={labels.lines[i] ?? [name]}
                slant={labels.slant}
                name={name}
              />
              {i > 0 && series.length === 1 ? (
                <text
                  x={x0 + x.bandwidth() / 2}
                  y={PAD.top + PLOT + 12 + labels.height + 12}
                  textAnchor="middle"
                  className="chart-sub funnel-sub"
                >
                  {subTwoLines ? (
                    <>
                      <tspan>{fmtShare(result.steps[i]?.stepConversion ?? 0)}</tspan>
                      <tspan x={x0 + x.bandwidth() / 2} dy={13}>
                        from previous
                      </tspan>
                    </>
                  ) : (
                    `${fmtShare(result.steps[i]?.stepConversion ?? 0)} from previous`
                  )}
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

/** A step's name under its bars: wrapped lines centred on the band, or one slanted line. */
function StepLabel(p: { x: number; y: number; lines: string[]; slant: boolean; name: string }) {
  if (p.slant)
    return (
      <text
        x={p.x}
        y={p.y}
        textAnchor="end"
        transform={`rotate(-${SLANT} ${p.x} ${p.y})`}
        className="chart-label funnel-label"
      >
        {p.name}
      </text>
    );
  return (
    <text x={p.x} y={p.y} textAnchor="middle" className="chart-label funnel-label">
      <title>{p.name}</title>
      {p.lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label, in order
        <tspan key={i} x={p.x} y={p.y + i * LABEL_LINE}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** The funnel's figures as a table: per step count, overall and step conversion, drop-off. */
export function FunnelTable({ result }: { result: FunnelResult }) {
  return (
    <table className="data-table fixed funnel-table">
      <colgroup>
        <col />
        <col className="col-count" />
        <col className="col-share" />
        <col className="col-share" />
        <col className="col-count" />
      </colgroup>
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
            <th scope="row">
              <CellText text={s.activity} />
            </th>
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
