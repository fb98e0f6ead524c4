import {
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SOLUTION_STATUS_LABELS, WORK_STATUS_LABELS } from "../../domain/labels.ts";
import { BOARDS, type BoardColumn, type BoardKind, boardOf } from "../../domain/portfolio/portfolio-query.ts";
import { rowKey } from "./PortfolioTable.tsx";
import type { PortfolioItem } from "./portfolio-api.ts";

function titleOf(kind: BoardKind, column: BoardColumn): string {
  if (kind === "solutions") return SOLUTION_STATUS_LABELS[column as keyof typeof SOLUTION_STATUS_LABELS];
  return column === "idea" ? "Ideas" : WORK_STATUS_LABELS[column as keyof typeof WORK_STATUS_LABELS];
}

/** Columns a card may move to: the other status columns of its board (ideas have no status). */
export function moveTargets(kind: BoardKind, item: PortfolioItem): BoardColumn[] {
  if (kind === "pains" && item.type !== "pain") return [];
  const here = kind === "solutions" ? item.solutionStatus : item.status;
  return BOARDS[kind].filter((c) => c !== "idea" && c !== here);
}

/** A move of a card to a status column (the page applies it through the map's command). */
export type BoardMove = (item: PortfolioItem, column: BoardColumn) => void;

const POINTER = { activationConstraint: { distance: 5 } };

function Column({
  kind,
  column,
  children,
  count,
}: {
  kind: BoardKind;
  column: BoardColumn;
  children: React.ReactNode;
  count: number;
}) {
  const title = titleOf(kind, column);
  const drop = useDroppable({ id: column, disabled: column === "idea" });
  return (
    <section
      ref={drop.setNodeRef}
      className={`board-column${drop.isOver ? " drop-over" : ""}`}
      aria-label={title}
      data-column={column}
    >
      <h2>
        {title} <span className="count">{count}</span>
      </h2>
      <ul>{children}</ul>
    </section>
  );
}

function BoardCard({ kind, item, onMove }: { kind: BoardKind; item: PortfolioItem; onMove?: BoardMove }) {
  const targets = onMove ? moveTargets(kind, item) : [];
  const drag = useDraggable({ id: rowKey(item), data: { item }, disabled: targets.length === 0 });
  const style = drag.transform
    ? { transform: `translate(${drag.transform.x}px, ${drag.transform.y}px)`, zIndex: 2 }
    : undefined;
  const cls = [
    item.overdue ? "overdue" : "",
    targets.length ? "movable" : "",
    drag.isDragging ? "dragging" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <li
      ref={drag.setNodeRef}
      style={style}
      className={cls || undefined}
      data-card={rowKey(item)}
      {...(targets.length ? drag.listeners : {})}
    >
      <strong>{item.summary}</strong>
      <span className="muted">
        {item.mapTitle} · {item.stageName}
      </span>
      {item.type === "solution" ? (
        <span>
          {item.painPointIds.length} pain point(s) · {item.kpiIds.length} KPI(s)
          {item.shipDate ? ` · shipped ${item.shipDate}` : ""}
        </span>
      ) : (
        <span>
          {item.owner ?? "No owner"}
          {item.dueDate ? ` · due ${item.dueDate}` : ""}
          {item.overdue ? " (overdue)" : ""}
        </span>
      )}
      {targets.length && onMove ? (
        <select
          className="move-to"
          aria-label={`Move “${item.summary}” to`}
          value=""
          onPointerDown={(e) => e.stopPropagation()}
          onChange={(e) => {
            const to = e.target.value as BoardColumn;
            if (to) onMove(item, to);
          }}
        >
          <option value="">Move to…</option>
          {targets.map((c) => (
            <option key={c} value={c}>
              {titleOf(kind, c)}
            </option>
          ))}
        </select>
      ) : null}
    </li>
  );
}

/**
 * The portfolio as a board, cards in priority order: pain points by work status then ideas, or
 * solutions by status (planned, in progress, shipped). With `onMove`, cards are dragged between
 * status columns, or moved with their "Move to…" menu (keyboard); each move is the map's own
 * command, applied by the page.
 */
export function PortfolioBoard({
  items,
  kind = "pains",
  onMove,
}: {
  items: readonly PortfolioItem[];
  kind?: BoardKind;
  onMove?: BoardMove;
}) {
  const sensors = useSensors(useSensor(PointerSensor, POINTER));
  const onDragEnd = (e: DragEndEvent) => {
    const item = e.active.data.current?.item as PortfolioItem | undefined;
    const to = e.over?.id as BoardColumn | undefined;
    if (item && to && onMove && moveTargets(kind, item).includes(to)) onMove(item, to);
  };
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <div className="portfolio-board">
        {boardOf(items, kind).map(({ column, items: cards }) => (
          <Column key={column} kind={kind} column={column} count={cards.length}>
            {cards.map((i) => (
              <BoardCard key={rowKey(i)} kind={kind} item={i} onMove={onMove} />
            ))}
          </Column>
        ))}
      </div>
    </DndContext>
  );
}
