import type { Card, JourneyMap } from "../../domain/index.ts";
import { EmotionDeltaChart } from "../../render/EmotionDeltaChart.tsx";
import { type CompareRow, compareCounts } from "./compare-rows.ts";

const STATUS_TEXT = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  moved: "Moved",
  unchanged: "Unchanged",
} as const;

const CHANGE_TEXT = {
  name: "renamed",
  description: "description",
  momentOfTruth: "moment of truth",
  phase: "phase",
  steps: "steps",
  position: "moved",
} as const;

const firstLine = (c: Card) => c.text.split("\n")[0] || "(empty card)";

function CardLine({
  card,
  map,
  kind,
}: {
  card: Card;
  map: JourneyMap;
  kind: "added" | "removed" | "changed";
}) {
  const lane = map.lanes.find((l) => l.id === card.laneId);
  const sign = kind === "added" ? "+" : kind === "removed" ? "−" : "~";
  return (
    <li className={`card-diff ${kind}`}>
      <span className="diff-sign" aria-hidden="true">
        {sign}
      </span>
      <span className="sr-only">{kind} card: </span>
      {firstLine(card)}
      {lane ? <span className="muted"> · {lane.name}</span> : null}
    </li>
  );
}

function Side({ row, map, side }: { row: CompareRow; map: JourneyMap; side: "current" | "future" }) {
  const name = side === "current" ? row.currentName : row.futureName;
  if (name === null)
    return (
      <div className={`cmp-side ${side} empty`}>
        {side === "current" ? "— not in current state" : "— removed"}
      </div>
    );
  const own = side === "current" ? row.cards.removed : row.cards.added;
  return (
    <div className={`cmp-side ${side}`}>
      <div className="cmp-stage-name">{name}</div>
      <ul className="card-diffs">
        {own.map((c) => (
          <CardLine key={c.id} card={c} map={map} kind={side === "current" ? "removed" : "added"} />
        ))}
        {row.cards.changed.map((p) => (
          <CardLine
            key={p.future.id}
            card={side === "current" ? p.current : p.future}
            map={map}
            kind="changed"
          />
        ))}
      </ul>
    </div>
  );
}

/** "renamed, cards, emotion": what differs on a row, beyond its status. */
function whatChanged(r: CompareRow): string {
  if (r.status !== "changed") return "";
  const cards = r.cards.added.length + r.cards.removed.length + r.cards.changed.length;
  return [
    ...r.changes.map((c) => CHANGE_TEXT[c]),
    ...(cards ? ["cards"] : []),
    ...(r.delta ? ["emotion"] : []),
  ].join(", ");
}

const fmt = (v: number | null) => (v === null ? "—" : String(v));

/** Side-by-side comparison of a current-state map and its future state, changes highlighted. */
export function CompareView({
  rows,
  current,
  future,
  scale,
}: {
  rows: CompareRow[];
  current: JourneyMap;
  future: JourneyMap;
  scale: { min: number; max: number };
}) {
  const n = compareCounts(rows);
  return (
    <div className="compare">
      <ul className="compare-counts" aria-label="Differences">
        <li className="added">{n.stagesAdded} stages added</li>
        <li className="removed">{n.stagesRemoved} removed</li>
        <li className="changed">{n.stagesChanged} changed</li>
        <li className="moved">{n.stagesMoved} moved</li>
        <li>
          Cards: {n.cardsAdded} added, {n.cardsRemoved} removed, {n.cardsChanged} changed
        </li>
      </ul>
      <section className="compare-chart" aria-label="Emotion change per stage">
        <h2>Emotion change per stage</h2>
        <div className="chart-legend muted">
          <span className="key before" /> current state <span className="key after" /> future state
        </div>
        <div className="chart-scroll">
          <EmotionDeltaChart
            scale={scale}
            points={rows.map((r) => ({
              label: r.futureName ?? r.currentName ?? "",
              before: r.before,
              after: r.after,
            }))}
          />
        </div>
      </section>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Current state · {current.title}</th>
            <th scope="col">Future state · {future.title}</th>
            <th scope="col">Change</th>
            <th scope="col">Emotion</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className={`cmp-row ${r.status}`}
              aria-label={`${r.futureName ?? r.currentName}: ${STATUS_TEXT[r.status]}`}
            >
              <td>
                <Side row={r} map={current} side="current" />
              </td>
              <td>
                <Side row={r} map={future} side="future" />
              </td>
              <td>
                <span className={`status-badge ${r.status}`}>{STATUS_TEXT[r.status]}</span>
                {whatChanged(r) ? <span className="muted"> {whatChanged(r)}</span> : null}
              </td>
              <td
                className={`emotion-delta ${r.delta === null ? "" : r.delta > 0 ? "up" : r.delta < 0 ? "down" : ""}`}
              >
                {fmt(r.before)} → {fmt(r.after)}
                {r.delta ? (
                  <strong>
                    {" "}
                    ({r.delta > 0 ? "+" : ""}
                    {r.delta})
                  </strong>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
