import { useState } from "react";
import type { Card } from "../../domain/index.ts";
import { localToday } from "../analysis/PainPointList.tsx";
import { useSession } from "../editor/session-context.ts";
import { Sparkline, sparklineLabel } from "../kpis/Sparkline.tsx";
import "../kpis/kpis.css";

type KpiCard = Card & { fields: Extract<Card["fields"], { kind: "kpi" }> };

/** A KPI's history in the card panel: sparkline, the values by date, and a form to record one. */
export function KpiHistoryFields({ card }: { card: KpiCard }) {
  const session = useSession();
  const f = card.fields;
  const [date, setDate] = useState(localToday());
  const [value, setValue] = useState("");
  const num = Number(value);
  const valid = value.trim() !== "" && Number.isFinite(num) && /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <fieldset className="links">
      <legend>History</legend>
      <Sparkline
        history={f.history}
        target={f.target}
        width={180}
        height={36}
        label={sparklineLabel(f.history, f.target, f.unit)}
      />
      <ul className="kpi-history">
        {f.history
          .slice(-8)
          .reverse()
          .map((e) => (
            <li key={e.date}>
              <span>{e.date}</span>
              <strong>
                {e.value}
                {f.unit ? ` ${f.unit}` : ""}
              </strong>
              <span className="muted">{e.origin === "log" ? "from data" : "typed"}</span>
              <button
                type="button"
                className="btn ghost"
                aria-label={`Remove the value of ${e.date}`}
                onClick={() => session.dispatch([{ type: "removeKpiValue", id: card.id, date: e.date }])}
              >
                Remove
              </button>
            </li>
          ))}
      </ul>
      <div className="row">
        <label>
          Date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Value
          <input type="number" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button
          type="button"
          className="btn"
          disabled={!valid}
          onClick={() => {
            session.dispatch([{ type: "recordKpiValue", id: card.id, date, value: num, origin: "manual" }]);
            setValue("");
          }}
        >
          Record value
        </button>
      </div>
    </fieldset>
  );
}
