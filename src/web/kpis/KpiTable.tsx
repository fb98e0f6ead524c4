import { SOLUTION_STATUS_LABELS } from "../../domain/labels.ts";
import type { BeforeAfter } from "../../domain/portfolio/index.ts";
import type { KpiItem } from "./kpis-api.ts";
import { Sparkline, sparklineLabel } from "./Sparkline.tsx";

const TREND = { up: "rising", down: "falling", flat: "flat" } as const;

/**
 * Whether a change is for the better: toward the target when the KPI has one (refund time down to
 * a target of 5 days is better), else up. Null when it did not move.
 */
export function changeIsBetter(before: number, after: number, target: number | null): boolean | null {
  if (after === before) return null;
  if (target === null) return after > before;
  return Math.abs(after - target) < Math.abs(before - target);
}

function Change({ impact, unit, target }: { impact: BeforeAfter; unit: string; target: number | null }) {
  const u = unit ? ` ${unit}` : "";
  if (!impact.before || !impact.after)
    return (
      <span className="muted">
        {impact.before ? "no value since shipping yet" : "no value before shipping"}
      </span>
    );
  const c = impact.change ?? 0;
  const better = changeIsBetter(impact.before.value, impact.after.value, target);
  return (
    <span
      className={better === null ? undefined : better ? "kpi-change-better" : "kpi-change-worse"}
      title={
        better === null ? "no change" : better ? "better (toward the target)" : "worse (away from the target)"
      }
    >
      {impact.before.value}
      {u} → {impact.after.value}
      {u} ({c > 0 ? "+" : ""}
      {c}
      {u})
    </span>
  );
}

/** KPIs across maps: latest value against target, trend, sparkline, and shipped solutions before → after. */
export function KpiTable({ items, onOpen }: { items: readonly KpiItem[]; onOpen: (mapId: string) => void }) {
  if (!items.length)
    return (
      <p className="muted">No KPI cards yet. Add a KPI lane to a map, or fill KPIs from an event log.</p>
    );
  return (
    <table className="kpi-table">
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">Latest</th>
          <th scope="col">Target</th>
          <th scope="col">Trend</th>
          <th scope="col">Journey · stage</th>
          <th scope="col">Solutions (before → after ship date)</th>
        </tr>
      </thead>
      <tbody>
        {items.map((k) => (
          <tr key={`${k.mapId}/${k.cardId}`}>
            <th scope="row">{k.name}</th>
            <td>
              {k.latest ? `${k.latest.value}${k.unit ? ` ${k.unit}` : ""}` : "–"}
              {k.latest?.date ? <span className="muted"> ({k.latest.date})</span> : null}
            </td>
            <td>{k.target === null ? "–" : `${k.target}${k.unit ? ` ${k.unit}` : ""}`}</td>
            <td>
              <Sparkline
                history={k.history}
                target={k.target}
                label={sparklineLabel(k.history, k.target, k.unit)}
              />{" "}
              {k.trend ? TREND[k.trend] : <span className="muted">{k.history.length} value(s)</span>}
            </td>
            <td>
              <a
                href={`/maps/${encodeURIComponent(k.mapId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(k.mapId);
                }}
              >
                {k.mapTitle}
              </a>{" "}
              · {k.stageName}
            </td>
            <td>
              {k.solutions.length ? (
                <ul className="kpi-history">
                  {k.solutions.map((s) => (
                    <li key={s.cardId}>
                      <span>{s.summary || "Untitled solution"}</span>
                      <span className="muted">
                        {SOLUTION_STATUS_LABELS[s.status]}
                        {s.shipDate ? ` ${s.shipDate}` : ""}
                      </span>
                      {s.impact ? <Change impact={s.impact} unit={k.unit} target={k.target} /> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">none</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
