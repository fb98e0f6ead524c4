// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells are focus targets of the grid's keyboard navigation
import { memo } from "react";
import type { Card, Lane, Stage } from "../../domain/index.ts";
import { cellDropId } from "./layout.ts";
import { CARD_ESTIMATE_PX } from "./visible-window.ts";

/**
 * A cell outside the drawn window (visible-window.ts): its place in the grid, about its height, and
 * what finds a cell or card — `data-nav`, `data-drop`, the label, and one focusable stub per card
 * (`data-card-id`). Focusing the cell or a stub makes the grid draw it and move focus to the real
 * element (Grid.tsx), so keyboard moves, comments and "reveal" reach cards that are off screen.
 */
export const CellPlaceholder = memo(function CellPlaceholder({
  lane,
  stage,
  cards,
  row,
  col,
}: {
  lane: Lane;
  stage: Stage;
  cards: Card[];
  row: number;
  col: number;
}) {
  const height = cards.length ? 12 + cards.length * (CARD_ESTIMATE_PX + 6) + 24 : 64;
  return (
    <div
      role="gridcell"
      tabIndex={-1}
      data-cell={`${row}:${col}`}
      data-nav={`${row}:${col}`}
      data-drop={cellDropId(lane.id, stage.id)}
      aria-label={`${lane.name}, ${stage.name}`}
      className="cell cell-placeholder"
      style={{ minHeight: height }}
    >
      {cards.map((c) => (
        <span key={c.id} className="card-stub" data-card-id={c.id} tabIndex={-1} />
      ))}
    </div>
  );
});
