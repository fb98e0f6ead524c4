import { SOLUTION_STATUS_LABELS, WORK_STATUS_LABELS } from "../../domain/labels.ts";
import type { PainLinkDecision, PainRef, PortfolioItem, SimilarPainEntry } from "./portfolio-api.ts";
import { SimilarPains, similarCountText } from "./SimilarPains.tsx";

/** Selection key of a row. */
export const rowKey = (i: Pick<PortfolioItem, "mapId" | "cardId">) => `${i.mapId}/${i.cardId}`;

const score = (i: PortfolioItem) => (i.score === null ? "–" : i.score.toFixed(2));
const TYPE_LABELS = { pain: "Pain point", idea: "Idea", solution: "Solution" } as const;

function statusOf(i: PortfolioItem): string {
  if (i.solutionStatus)
    return `${SOLUTION_STATUS_LABELS[i.solutionStatus]}${i.shipDate ? ` ${i.shipDate}` : ""}`;
  return i.status ? WORK_STATUS_LABELS[i.status] : "";
}

/** Why a score is unknown under RICE (so the team knows what to estimate). */
function missingOf(i: PortfolioItem): string | null {
  if (i.score !== null || i.model !== "rice") return null;
  if (i.type !== "pain" && i.painPointIds.length === 0) return "no pain point linked";
  return i.effortWeeks === null ? "effort not estimated" : null;
}

/** The portfolio as a table: pain points are selectable for bulk edit; overdue rows highlighted. */
export function PortfolioTable({
  items,
  selected,
  onToggle,
  onOpen,
  similar,
  onDecide,
}: {
  items: readonly PortfolioItem[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onOpen: (mapId: string) => void;
  /** Similar pain points and siblings by `rowKey` (rows without an entry show none). */
  similar?: ReadonlyMap<string, SimilarPainEntry>;
  onDecide?: (pain: PainRef, other: PainRef, decision: PainLinkDecision) => void;
}) {
  return (
    <table className="portfolio-table">
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Select</span>
          </th>
          <th scope="col">Priority</th>
          <th scope="col">Summary</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Journey · stage</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={rowKey(i)} className={i.overdue ? "overdue" : undefined}>
            <td>
              {i.type === "pain" ? (
                <input
                  type="checkbox"
                  aria-label={`Select ${i.summary}`}
                  checked={selected.has(rowKey(i))}
                  onChange={() => onToggle(rowKey(i))}
                />
              ) : null}
            </td>
            <td>
              {score(i)}
              {i.reachSource ? <span className="reach-source muted"> reach: {i.reachSource}</span> : null}
              {missingOf(i) ? <span className="reach-source muted"> {missingOf(i)}</span> : null}
            </td>
            <td>
              {i.summary}
              <SimilarCell entry={similar?.get(rowKey(i))} onDecide={onDecide} />
            </td>
            <td>{TYPE_LABELS[i.type]}</td>
            <td>{statusOf(i)}</td>
            <td>{i.owner ?? ""}</td>
            <td>
              {i.dueDate ?? ""}
              {i.overdue ? <span className="badge overdue-badge"> overdue</span> : null}
            </td>
            <td>
              <a
                href={`/maps/${encodeURIComponent(i.mapId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(i.mapId);
                }}
              >
                {i.mapTitle}
              </a>{" "}
              · {i.stageName}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "3 similar pain points in other maps · 1 linked", opening the list to link or dismiss. */
function SimilarCell({
  entry,
  onDecide,
}: {
  entry: SimilarPainEntry | undefined;
  onDecide: ((pain: PainRef, other: PainRef, decision: PainLinkDecision) => void) | undefined;
}) {
  if (!entry || (entry.suggestions.length === 0 && entry.siblings.length === 0)) return null;
  const parts = [
    entry.suggestions.length ? similarCountText(entry.suggestions.length) : null,
    entry.siblings.length ? `${entry.siblings.length} linked` : null,
  ].filter(Boolean);
  return (
    <details className="similar-cell">
      <summary>{parts.join(" · ")}</summary>
      <SimilarPains
        entry={entry}
        onDecide={(other, d) => onDecide?.({ mapId: entry.pain.mapId, cardId: entry.pain.cardId }, other, d)}
      />
    </details>
  );
}
