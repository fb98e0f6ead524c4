// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { type CSSProperties, useCallback, useMemo } from "react";
import type { MapCommand } from "../../domain/index.ts";
import { useViewportSync } from "../collab/useViewportSync.ts";
import { EmotionRow } from "./EmotionRow.tsx";
import { LaneRow } from "./LaneRow.tsx";
import { LANE_HEADER_WIDTH, STAGE_WIDTH } from "./layout.ts";
import { PhaseRow } from "./PhaseRow.tsx";
import { StageHeader } from "./StageHeader.tsx";
import { useEditor, useSession } from "./session-context.ts";
import { useCellIndex } from "./useCellIndex.ts";

/** Cards land on cells under the pointer; stages and lanes sort among their own kind. */
const collision: CollisionDetection = (args) => {
  const kind = String(args.active.id).split("|")[0];
  const own = args.droppableContainers.filter((d) => {
    const k = String(d.id).split("|")[0];
    return kind === "card" ? k === "cell" || k === "card" : k === kind;
  });
  const scoped = { ...args, droppableContainers: own };
  if (kind === "card") {
    const hits = pointerWithin(scoped);
    return hits.length ? hits : closestCenter(scoped);
  }
  return closestCenter(scoped);
};

// Stable sensor options: new objects each render would re-create the sensors, change the drag
// context and re-render every draggable card.
const POINTER = { activationConstraint: { distance: 5 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

/** Ids of a list as a stable array: the same array while the ids and their order do not change. */
function useStableItems(list: readonly { id: string }[], prefix: string): string[] {
  const key = list.map((x) => x.id).join(",");
  return useMemo(() => (key ? key.split(",").map((id) => `${prefix}|${id}`) : []), [key, prefix]);
}

/**
 * The map grid: phases, stage headers (columns) and lanes (rows), with drag and drop. The drag
 * context sits above the part that follows the map, so an edit never re-renders it (a new drag
 * context would re-render every draggable card and droppable cell).
 */
export function Grid() {
  const session = useSession();
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      const cmd = dropCommand(
        String(e.active.id),
        e.over ? String(e.over.id) : null,
        session.store.getState().map,
      );
      if (cmd) session.dispatch([cmd]);
    },
    [session],
  );
  // Live maps: publish what I see, follow a collaborator's view (src/web/collab/viewport-sync.ts).
  const viewportRef = useViewportSync();
  return (
    <div className="grid-scroll" ref={viewportRef}>
      <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd}>
        <GridBody />
      </DndContext>
      <GridHint />
    </div>
  );
}

/** The grid itself: re-renders on structural changes; memoised rows, cells and cards skip the rest. */
function GridBody() {
  const stages = useEditor((s) => s.map.stages);
  const lanes = useEditor((s) => s.map.lanes);
  const cards = useEditor((s) => s.map.cards);
  const hasPhases = useEditor((s) => s.map.phases.length > 0);
  const cellsOf = useCellIndex(cards);
  const stageItems = useStableItems(stages, "stage");
  const laneItems = useStableItems(lanes, "lane");
  const style = {
    gridTemplateColumns: `var(--lane-w, ${LANE_HEADER_WIDTH}px) repeat(${stages.length}, ${STAGE_WIDTH}px)`,
  } as CSSProperties;
  return (
    <div
      role="grid"
      aria-label="Journey map"
      aria-rowcount={lanes.length + 1}
      aria-colcount={stages.length + 1}
      className="grid"
      style={style}
    >
      {hasPhases ? <PhaseRow /> : null}
      <div role="row" className="row header-row">
        <div role="columnheader" className="corner" aria-label="Lanes">
          <span className="muted">Lanes \ Stages</span>
        </div>
        <SortableContext items={stageItems} strategy={horizontalListSortingStrategy}>
          {stages.map((s, i) => (
            <StageHeader key={s.id} stage={s} index={i} count={stages.length} />
          ))}
        </SortableContext>
      </div>
      <SortableContext items={laneItems} strategy={verticalListSortingStrategy}>
        {lanes.map((lane, r) =>
          lane.type === "emotion" ? (
            <EmotionRow key={lane.id} lane={lane} row={r + 1} index={r} count={lanes.length} />
          ) : (
            <LaneRow
              key={lane.id}
              lane={lane}
              stages={stages}
              row={r + 1}
              index={r}
              count={lanes.length}
              cellsOf={cellsOf}
            />
          ),
        )}
      </SortableContext>
    </div>
  );
}

/** What to do on an empty map. */
function GridHint() {
  const noStages = useEditor((s) => s.map.stages.length === 0);
  const noLanes = useEditor((s) => s.map.lanes.length === 0);
  if (!noStages && !noLanes) return null;
  return (
    <p className="grid-hint muted">
      {noStages ? "Add a stage (a column of the journey) with “Add stage”. " : ""}
      {noLanes ? "Add lanes (rows: actions, touchpoints, emotions, pain points…) with “Add lane”." : ""}
    </p>
  );
}

type MapLike = ReturnType<ReturnType<typeof useSession>["store"]["getState"]>["map"];

/** The command a drop means, or null. */
export function dropCommand(active: string, over: string | null, map: MapLike): MapCommand | null {
  if (!over || active === over) return null;
  const [kind, id = ""] = active.split("|");
  const [overKind, a = "", b = ""] = over.split("|");
  if (kind === "stage" && overKind === "stage") {
    const toIndex = map.stages.findIndex((s) => s.id === a);
    return toIndex < 0 ? null : { type: "moveStage", id: id as never, toIndex };
  }
  if (kind === "lane" && overKind === "lane") {
    const toIndex = map.lanes.findIndex((l) => l.id === a);
    return toIndex < 0 ? null : { type: "moveLane", id: id as never, toIndex };
  }
  if (kind !== "card") return null;
  if (overKind === "cell")
    return { type: "moveCard", id: id as never, laneId: a as never, stageId: b as never, stepId: null };
  if (overKind === "card") {
    const target = map.cards.find((c) => c.id === a);
    if (!target) return null;
    const cell = map.cards.filter(
      (c) =>
        c.laneId === target.laneId &&
        c.stageId === target.stageId &&
        c.stepId === target.stepId &&
        c.id !== id,
    );
    return {
      type: "moveCard",
      id: id as never,
      laneId: target.laneId,
      stageId: target.stageId,
      stepId: target.stepId,
      toIndex: cell.findIndex((c) => c.id === a),
    };
  }
  return null;
}
