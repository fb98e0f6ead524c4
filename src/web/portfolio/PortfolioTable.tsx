import { WORK_STATUS_LABELS } from "../../domain/labels.ts";
import type { PortfolioItem } from "./portfolio-api.ts";

/** Selection key of a row. */
export const rowKey = (i: Pick<PortfolioItem, "mapId" | "cardId">) => `${i.mapId}/${i.cardId}`;

const score = (i: PortfolioItem) => (i.score === null ? "–" : i.score.toFixed(2));

/** The portfolio as a table: pain points are selectable for bulk edit; overdue rows highlighted. */
export function PortfolioTable({
  items,
  selected,
  onToggle,
  onOpen,
}: {
  items: readonly PortfolioItem[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onOpen: (mapId: string) => void;
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
            </td>
            <td>{i.summary}</td>
            <td>{i.type === "pain" ? "Pain point" : "Idea"}</td>
            <td>{i.status ? WORK_STATUS_LABELS[i.status] : ""}</td>
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
