import type { PainPointView } from "../../contract/analysis.ts";
import { IMPACT_LABELS, STATUS_LABELS } from "./labels.ts";

/** True when a pain point's fix is past its due date and still open or in progress. */
export function isOverdue(p: Pick<PainPointView, "fields">, today: string): boolean {
  const { dueDate, status } = p.fields;
  return !!dueDate && dueDate < today && (status === "open" || status === "in_progress");
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)} %`);

/** Pain points by priority: rank, stage, impact, reach, owner, due date, status; overdue highlighted. */
export function PainPointList({
  painPoints,
  today,
  onSelect,
}: {
  painPoints: PainPointView[];
  today: string;
  onSelect: (cardId: string) => void;
}) {
  if (!painPoints.length)
    return <p className="muted">No open pain points. Add cards to a pain-point lane to rank them here.</p>;
  return (
    <ol className="pain-list" aria-label="Pain points by priority">
      {painPoints.map((p) => {
        const overdue = isOverdue(p, today);
        return (
          <li key={p.cardId} className={overdue ? "overdue" : undefined}>
            <button
              type="button"
              className="pain-item"
              onClick={() => onSelect(p.cardId)}
              aria-label={`#${p.rank} ${p.text.split("\n")[0]}${overdue ? " (overdue)" : ""}`}
            >
              <span className="pain-rank" aria-hidden="true">
                {p.rank}
              </span>
              <span className="pain-body">
                <span className="pain-text">{p.text || "Untitled pain point"}</span>
                <span className="pain-stage muted">{p.stageName}</span>
                <dl className="pain-fields">
                  <div>
                    <dt>Impact</dt>
                    <dd>{p.fields.impact ? IMPACT_LABELS[p.fields.impact] : "—"}</dd>
                  </div>
                  <div>
                    <dt>Reach</dt>
                    <dd>{pct(p.fields.reach)}</dd>
                  </div>
                  <div>
                    <dt>Score</dt>
                    <dd>{p.score === null ? "—" : p.score.toFixed(2)}</dd>
                  </div>
                  <div>
                    <dt>Owner</dt>
                    <dd className={p.fields.owner ? undefined : "missing"}>{p.fields.owner ?? "No owner"}</dd>
                  </div>
                  <div>
                    <dt>Due</dt>
                    <dd className={overdue ? "overdue-date" : p.fields.dueDate ? undefined : "missing"}>
                      {p.fields.dueDate ?? "No date"}
                      {overdue ? <strong className="overdue-badge"> Overdue</strong> : null}
                    </dd>
                  </div>
                  <div>
                    <dt>Status</dt>
                    <dd>{STATUS_LABELS[p.fields.status]}</dd>
                  </div>
                </dl>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
