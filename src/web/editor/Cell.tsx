// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { useDroppable } from "@dnd-kit/core";
import { Plus } from "lucide-react";
import { memo } from "react";
import type { Card, Lane, Stage, StepId } from "../../domain/index.ts";
import { CardView } from "./CardView.tsx";
import { LANE_TONE, QUOTE_LANES } from "./lane-style.ts";
import { cellDropId } from "./layout.ts";
import { useSession } from "./session-context.ts";

/** Which of a cell's cards are selected, being edited or carried, and whether a carried card would land here. */
export interface CellMarks {
  selected: string | null;
  editing: string | null;
  carried: string | null;
  /** A card carried with the keyboard would drop into this cell. */
  target: boolean;
}

/** A cell with nothing marked (one shared object, so memoised cells keep equal props). */
export const NO_MARKS: CellMarks = { selected: null, editing: null, carried: null, target: false };

/**
 * One lane × stage cell: its cards (grouped by step), "Add card", a drop target, arrow-key navigation. */
export const Cell = memo(function Cell({
  lane,
  stage,
  cards,
  row,
  col,
  marks,
}: {
  lane: Lane;
  stage: Stage;
  cards: Card[];
  row: number;
  col: number;
  /** From the row's one subscription (LaneRow): cells and cards do not subscribe to the store. */
  marks: CellMarks;
}) {
  const session = useSession();
  const drop = useDroppable({ id: cellDropId(lane.id, stage.id) });
  const add = (stepId: StepId | null) => {
    const id = crypto.randomUUID().replace(/-/g, "") as never;
    if (session.dispatch([{ type: "addCard", id, laneId: lane.id, stageId: stage.id, stepId, text: "" }]))
      session.store.setState({ editing: { kind: "card", id } });
  };
  const target = marks.target;
  // Enter: into the cell's first card, or a new card when it is empty; Shift+Enter adds a card.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget || session.store.getState().carrying) return;
    if (e.key !== "Enter") return;
    e.preventDefault();
    const first = e.currentTarget.querySelector<HTMLElement>(".card");
    if (first && !e.shiftKey) first.focus();
    else add(null);
  };
  const tone = LANE_TONE[lane.type];
  const quote = QUOTE_LANES.has(lane.type);
  const card = (c: Card) => (
    <CardView
      key={c.id}
      card={c}
      tone={tone}
      quote={quote}
      editing={marks.editing === c.id}
      selected={marks.selected === c.id}
      carried={marks.carried === c.id}
    />
  );
  const groups = [
    { step: null as Stage["steps"][number] | null, cards: cards.filter((c) => !c.stepId) },
  ].concat(stage.steps.map((st) => ({ step: st, cards: cards.filter((c) => c.stepId === st.id) })));
  return (
    <div
      ref={drop.setNodeRef}
      role="gridcell"
      tabIndex={-1}
      data-cell={`${row}:${col}`}
      data-nav={`${row}:${col}`}
      data-drop={cellDropId(lane.id, stage.id)}
      aria-label={`${lane.name}, ${stage.name}`}
      className={`cell tone-${tone}${drop.isOver || target ? " drop-over" : ""}`}
      onKeyDown={onKeyDown}
    >
      {groups.map((g) =>
        g.step === null && stage.steps.length === 0 ? (
          g.cards.map(card)
        ) : (
          <div key={g.step?.id ?? "stage"} className="step-group">
            {g.step ? <div className="step-label muted">{g.step.name}</div> : null}
            {g.cards.map(card)}
            {g.step ? (
              <button
                type="button"
                className="add-card small"
                tabIndex={-1}
                aria-label={`Add card to ${g.step.name}`}
                onClick={() => add(g.step?.id ?? null)}
              >
                <Plus size={12} aria-hidden="true" />
              </button>
            ) : null}
          </div>
        ),
      )}
      <button
        type="button"
        className="add-card"
        tabIndex={-1}
        aria-label="Add card"
        onClick={() => add(null)}
      >
        <Plus size={14} aria-hidden="true" /> <span className="add-card-text">Add card</span>
      </button>
    </div>
  );
});
