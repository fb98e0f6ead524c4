import { WORK_STATUS_LABELS } from "../../domain/labels.ts";
import { boardOf } from "../../domain/portfolio/portfolio-query.ts";
import type { PortfolioItem } from "./portfolio-api.ts";

/** The portfolio as a board: one column per work status, then ideas; cards in priority order. */
export function PortfolioBoard({ items }: { items: readonly PortfolioItem[] }) {
  return (
    <div className="portfolio-board">
      {boardOf(items).map(({ column, items: cards }) => {
        const title = column === "idea" ? "Ideas" : WORK_STATUS_LABELS[column];
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
                  <span>
                    {i.owner ?? "No owner"}
                    {i.dueDate ? ` · due ${i.dueDate}` : ""}
                    {i.overdue ? " (overdue)" : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
