// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { memo } from "react";
import type { Card, Lane, Stage } from "../../domain/index.ts";
import { Cell } from "./Cell.tsx";
import { CellPlaceholder } from "./CellPlaceholder.tsx";
import { LaneHeader } from "./LaneHeader.tsx";

/**
 * A card lane: its header and one cell per stage (collapsed lanes show a count instead). Cells of
 * stages [liveFrom, liveTo] and of the stage indices in `pinned` (comma-separated: the focused,
 * selected or dragged card's cell) are drawn in full, the others as placeholders.
 */
export const LaneRow = memo(function LaneRow({
  lane,
  stages,
  row,
  index,
  count,
  cellsOf,
  liveFrom,
  liveTo,
  pinned,
}: {
  lane: Lane;
  stages: Stage[];
  row: number;
  index: number;
  count: number;
  cellsOf: (laneId: string, stageId: string) => Card[];
  liveFrom: number;
  liveTo: number;
  pinned: string;
}) {
  const pins = pinned ? pinned.split(",").map(Number) : [];
  return (
    <div role="row" className={`row lane-row${lane.collapsed ? " collapsed" : ""}`} aria-rowindex={row + 1}>
      <LaneHeader lane={lane} index={index} count={count} />
      {stages.map((s, c) =>
        lane.collapsed ? (
          <div
            key={s.id}
            role="gridcell"
            tabIndex={-1}
            data-nav={`${row}:${c + 1}`}
            aria-label={`${lane.name}, ${s.name}: ${cellsOf(lane.id, s.id).length} cards (lane collapsed)`}
            className="cell collapsed-cell muted"
          >
            {cellsOf(lane.id, s.id).length || ""}
          </div>
        ) : (c >= liveFrom && c <= liveTo) || pins.includes(c) ? (
          <Cell key={s.id} lane={lane} stage={s} cards={cellsOf(lane.id, s.id)} row={row} col={c + 1} />
        ) : (
          <CellPlaceholder
            key={s.id}
            lane={lane}
            stage={s}
            cards={cellsOf(lane.id, s.id)}
            row={row}
            col={c + 1}
          />
        ),
      )}
    </div>
  );
});
