// biome-ignore-all lint/a11y/noLabelWithoutControl: CommitInput renders its <input> inside the label
import { useMemo } from "react";
import type { Card } from "../../domain/index.ts";
import { SOLUTION_STATUS_LABELS } from "../../domain/labels.ts";
import type { SolutionStatus } from "../../domain/model/card.ts";
import { localToday } from "../analysis/PainPointList.tsx";
import { useEditor, useSession } from "../editor/session-context.ts";
import { CommitInput } from "../ui/CommitInput.tsx";

type IdeaCard = Card & { fields: Extract<Card["fields"], { kind: "idea" }> };

/**
 * An idea's solution part in the card panel: "Make solution", then status (shipping fills in
 * today as ship date), ship date and the KPIs it should move — all one `setSolution` command.
 */
export function SolutionFields({ card }: { card: IdeaCard }) {
  const session = useSession();
  // Select the stored array and filter outside: a selector returning a new array every time
  // makes useSyncExternalStore re-render forever ("Maximum update depth exceeded").
  const cards = useEditor((s) => s.map.cards);
  const kpis = useMemo(() => cards.filter((c) => c.fields.kind === "kpi"), [cards]);
  const f = card.fields;
  const set = (s: { status: SolutionStatus; shipDate: string | null; kpiIds: string[] } | null) =>
    session.dispatch([{ type: "setSolution", id: card.id, solution: s as never }]);
  if (!f.solutionStatus)
    return (
      <button
        type="button"
        className="btn"
        onClick={() => set({ status: "planned", shipDate: null, kpiIds: [] })}
      >
        Make solution
      </button>
    );
  const cur = { status: f.solutionStatus, shipDate: f.shipDate, kpiIds: f.kpiIds };
  return (
    <fieldset className="links">
      <legend>Solution</legend>
      <label>
        Status
        <select
          value={f.solutionStatus}
          onChange={(e) => {
            const status = e.target.value as SolutionStatus;
            set({
              ...cur,
              status,
              shipDate: status === "shipped" ? (cur.shipDate ?? localToday()) : cur.shipDate,
            });
          }}
        >
          {Object.entries(SOLUTION_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        Ship date
        <CommitInput
          type="date"
          value={f.shipDate ?? ""}
          onCommit={(v) => set({ ...cur, shipDate: v || null })}
        />
      </label>
      <span className="muted">Should move KPIs</span>
      {kpis.length ? (
        kpis.map((k) => (
          <label key={k.id} className="check">
            <input
              type="checkbox"
              checked={f.kpiIds.includes(k.id)}
              onChange={(e) =>
                set({
                  ...cur,
                  kpiIds: e.target.checked ? [...f.kpiIds, k.id] : f.kpiIds.filter((x) => x !== k.id),
                })
              }
            />
            <span>{k.fields.kind === "kpi" ? k.fields.name || k.text || "KPI" : ""}</span>
          </label>
        ))
      ) : (
        <p className="muted">No KPI cards on this map yet.</p>
      )}
      <button type="button" className="btn ghost" onClick={() => set(null)}>
        Back to idea
      </button>
    </fieldset>
  );
}
