import { SOLUTION_STATUS_LABELS, WORK_STATUS_LABELS } from "../../domain/labels.ts";
import { type BoardColumn, type BoardKind, boardOf } from "../../domain/portfolio/portfolio-query.ts";
import type { PortfolioItem } from "./portfolio-api.ts";

function titleOf(kind: BoardKind, column: BoardColumn): string {
  if (kind === "solutions") return SOLUTION_STATUS_LABELS[column as keyof typeof SOLUTION_STATUS_LABELS];
  return column === "idea" ? "Ideas" : WORK_STATUS_LABELS[column as keyof typeof WORK_STATUS_LABELS];
}

/**
 * The portfolio as a board, cards in priority order: pain points by work status then ideas, or
 * solutions by status (planned, in progress, shipped).
 */
export function PortfolioBoard({
  items,
  kind = "pains",
}: {
  items: readonly PortfolioItem[];
  kind?: BoardKind;
}) {
  return (
    <div className="portfolio-board">
      {boardOf(items, kind).map(({ column, items: cards }) => {
        const title = titleOf(kind, column);
        return (
          <section key={column} className="board-column" aria-label={title}>
            <h2>
              {title} <span className="count">{cards.length}</span>
            </h2>
            <ul>
              {cards.map((i) => (
                <li key={`${i.mapId}/${i.cardId}`} className={i.overdue ? "overdue" : undefined}>
                  <strong>{i.summary}</strong>
                  <span className="muted">
                    {i.mapTitle} · {i.stageName}
                  </span>
                  {i.type === "solution" ? (
                    <span>
                      {i.painPointIds.length} pain point(s) · {i.kpiIds.length} KPI(s)
                      {i.shipDate ? ` · shipped ${i.shipDate}` : ""}
                    </span>
                  ) : (
                    <span>
                      {i.owner ?? "No owner"}
                      {i.dueDate ? ` · due ${i.dueDate}` : ""}
                      {i.overdue ? " (overdue)" : ""}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
