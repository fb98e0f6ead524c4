import { useState } from "react";
import { WORK_STATUS_LABELS } from "../../domain/labels.ts";
import type { WorkStatus } from "../../domain/model/card.ts";
import type { PortfolioBulk } from "./portfolio-api.ts";

/** What the bar sets: only the fields filled in. */
export type BulkSet = PortfolioBulk["set"];

/** Bulk edit of the selected pain points: owner, status and/or due date. */
export function BulkEditBar({ count, onApply }: { count: number; onApply: (set: BulkSet) => void }) {
  const [owner, setOwner] = useState("");
  const [status, setStatus] = useState<WorkStatus | "">("");
  const [due, setDue] = useState("");
  const set: BulkSet = {
    ...(owner.trim() ? { owner: owner.trim() } : {}),
    ...(status ? { status } : {}),
    ...(due ? { dueDate: due } : {}),
  };
  const empty = Object.keys(set).length === 0;
  return (
    <form
      className="bulk-bar"
      aria-label="Bulk edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty && count > 0) onApply(set);
      }}
    >
      <span>{count} selected</span>
      <input
        aria-label="New owner"
        placeholder="Owner"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
      />
      <select
        aria-label="New status"
        value={status}
        onChange={(e) => setStatus(e.target.value as WorkStatus | "")}
      >
        <option value="">Status…</option>
        {Object.entries(WORK_STATUS_LABELS).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
      <input type="date" aria-label="New due date" value={due} onChange={(e) => setDue(e.target.value)} />
      <button type="submit" className="btn primary" disabled={empty || count === 0}>
        Apply to selected
      </button>
    </form>
  );
}
