// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { memo } from "react";
import type { Card, Lane, Stage } from "../../domain/index.ts";
import type { EditorState } from "../state/editor-store.ts";
import { Cell, type CellMarks, NO_MARKS } from "./Cell.tsx";
import { CellPlaceholder } from "./CellPlaceholder.tsx";
import { LaneHeader } from "./LaneHeader.tsx";
import { useEditor } from "./session-context.ts";

/**
 * The cards marked in the editor state (selected, being edited, carried), the cell a carried card
 * would drop into and whether the lane's name is being edited, as one string: the row's only subscription to marks, which changes on
 * selection and carrying, never on an edit of the map.
 */
const marksKey = (s: EditorState, laneId: string) =>
  [
    s.selectedCardId ?? "",
    s.editing?.kind === "card" ? s.editing.id : "",
    s.carrying?.cardId ?? "",
    s.carrying?.laneId === laneId ? s.carrying.stageId : "",
    s.editing?.kind === "lane" && s.editing.id === laneId ? "renaming" : "",
  ].join("|");

/** The marks of one cell: ids only for its own cards, so the other cells keep equal props. */
function cellMarks(key: string, stageId: string, cards: Card[]): CellMarks {
  const [selected = "", editing = "", carried = "", target = ""] = key.split("|");
  const own = (id: string) => (id && cards.some((c) => c.id === id) ? id : null);
  const m = {
    selected: own(selected),
    editing: own(editing),
    carried: own(carried),
    target: target === stageId,
  };
  return m.selected || m.editing || m.carried || m.target ? m : NO_MARKS;
}

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
  const marks = useEditor((s) => marksKey(s, lane.id));
  return (
    <div role="row" className={`row lane-row${lane.collapsed ? " collapsed" : ""}`} aria-rowindex={row + 1}>
      <LaneHeader lane={lane} index={index} count={count} renaming={marks.endsWith("|renaming")} />
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
          <Cell
            key={s.id}
            lane={lane}
            stage={s}
            cards={cellsOf(lane.id, s.id)}
            row={row}
            col={c + 1}
            marks={cellMarks(marks, s.id, cellsOf(lane.id, s.id))}
          />
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
