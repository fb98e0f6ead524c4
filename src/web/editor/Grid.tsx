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
import {
  type CSSProperties,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { MapCommand } from "../../domain/index.ts";
import { useViewportSync } from "../collab/useViewportSync.ts";
import { EmotionRow } from "./EmotionRow.tsx";
import { ensureTabStop, makeTabStop, NAV_SELECTOR, nextTarget } from "./grid-nav.ts";
import { carryKey } from "./keyboard-carry.ts";
import { LaneRow } from "./LaneRow.tsx";
import { CARD_KEYS_HELP_ID, LANE_HEADER_WIDTH, STAGE_WIDTH } from "./layout.ts";
import { MapViewControls } from "./MapViewControls.tsx";
import { Minimap } from "./Minimap.tsx";
import { PhaseRow } from "./PhaseRow.tsx";
import { StageHeader } from "./StageHeader.tsx";
import { useEditor, useSession } from "./session-context.ts";
import { useCellIndex } from "./useCellIndex.ts";
import { isPlaceholder, useGridPins } from "./useGridPins.ts";
import { useVisibleWindow } from "./useVisibleWindow.ts";
import { useViewPrefs } from "./view-prefs.ts";
import { estimateRowHeight, VIRTUALISE_FROM_CARDS } from "./visible-window.ts";

/**
 * The cell under the pointer (over a card: its cell), asked of the page itself (elementsFromPoint), so the answer
 * is right after auto-scrolling and over cells whose boxes were measured before they were painted.
 * Null over the sticky headers (the cells under them are hidden) or outside the grid.
 */
function hitUnderPointer(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    if (el.closest(".card.dragging")) continue;
    if (el.closest(".lane-header, .stage-header, .corner, .phase-row")) return null;
    const cell = el.closest<HTMLElement>("[data-drop]");
    return cell ? (cell.dataset.drop ?? null) : null;
  }
  return null;
}

/** Cards land on the card or cell under the pointer; stages and lanes sort among their own kind. */
const collision: CollisionDetection = (args) => {
  const kind = String(args.active.id).split("|")[0];
  const own = args.droppableContainers.filter((d) => {
    const k = String(d.id).split("|")[0];
    return kind === "card" ? k === "cell" || k === "card" : k === kind;
  });
  const scoped = { ...args, droppableContainers: own };
  if (kind === "card") {
    if (args.pointerCoordinates) {
      const id = hitUnderPointer(args.pointerCoordinates.x, args.pointerCoordinates.y);
      const hit = id ? own.find((d) => d.id === id) : undefined;
      return hit ? [{ id: hit.id, data: { droppableContainer: hit, value: 0 } }] : [];
    }
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
  const pointer = usePointerPosition();
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      const active = String(e.active.id);
      // A card lands in the cell under the pointer when it is let go, asked of the page then: the
      // collision answer may predate the last auto-scroll frame or a cell drawn meanwhile.
      const at = pointer.current;
      const over =
        active.startsWith("card|") && at && e.activatorEvent instanceof PointerEvent
          ? hitUnderPointer(at.x, at.y)
          : e.over
            ? String(e.over.id)
            : null;
      const cmd = dropCommand(active, over, session.store.getState().map);
      if (cmd) session.dispatch([cmd]);
    },
    [session, pointer],
  );
  // Live maps: publish what I see, follow a collaborator's view (src/web/collab/viewport-sync.ts).
  const viewportRef = useViewportSync();
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const scrollRef = useCallback(
    (el: HTMLElement | null) => {
      viewportRef(el);
      setScroller(el);
    },
    [viewportRef],
  );
  return (
    <div className="grid-wrap">
      <div className="grid-scroll" ref={scrollRef}>
        <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd}>
          <GridBody scroller={scroller} />
        </DndContext>
        <GridHint />
        <GridAnnouncer />
      </div>
      <Minimap scroller={scroller} />
      <MapViewControls />
    </div>
  );
}

/** The last pointer position on the page (read when a drag ends). */
function usePointerPosition() {
  const at = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const onMove = (e: PointerEvent) => {
      at.current = { x: e.clientX, y: e.clientY };
    };
    window.addEventListener("pointermove", onMove, { capture: true, passive: true });
    window.addEventListener("pointerdown", onMove, { capture: true, passive: true });
    return () => {
      window.removeEventListener("pointermove", onMove, { capture: true });
      window.removeEventListener("pointerdown", onMove, { capture: true });
    };
  }, []);
  return at;
}

/** The live region of keyboard moves, and the keys of a card for screen readers. */
function GridAnnouncer() {
  const text = useEditor((s) => s.announcement);
  return (
    <>
      <div className="sr-only map-announcer" role="status" aria-live="assertive" aria-atomic="true">
        {text}
      </div>
      <p id={CARD_KEYS_HELP_ID} className="sr-only">
        Enter opens the card's details, F2 edits its text, Space picks it up to move it with the arrow keys
        (Space drops it, Escape cancels), Delete removes it.
      </p>
    </>
  );
}

/** The grid itself: re-renders on structural changes; memoised rows, cells and cards skip the rest. */
function GridBody({ scroller }: { scroller: HTMLElement | null }) {
  const session = useSession();
  const ref = useRef<HTMLDivElement>(null);
  const stages = useEditor((s) => s.map.stages);
  const lanes = useEditor((s) => s.map.lanes);
  const cards = useEditor((s) => s.map.cards);
  const phases = useEditor((s) => s.map.phases);
  const renamingStage = useEditor((s) => (s.editing?.kind === "stage" ? s.editing.id : null));
  const zoom = useViewPrefs((s) => s.zoom);
  const density = useViewPrefs((s) => s.density);
  const cellsOf = useCellIndex(cards);
  const stageItems = useStableItems(stages, "stage");
  const laneItems = useStableItems(lanes, "lane");
  // Only the visible part (plus a margin) is drawn in full; the rest are sized placeholders.
  const win = useVisibleWindow(
    scroller,
    ref,
    stages.length,
    lanes.length,
    () =>
      lanes.map((l) =>
        estimateRowHeight(
          Math.max(0, ...stages.map((s) => cellsOf(l.id, s.id).length)),
          l.type === "emotion",
        ),
      ),
    cards.length >= VIRTUALISE_FROM_CARDS,
  );
  const pins = useGridPins(ref, lanes, stages, cards);
  // One Tab stop for the whole grid (roving tabindex), kept after every structural render.
  useLayoutEffect(() => {
    if (ref.current) ensureTabStop(ref.current);
  });
  const onFocus = (e: React.FocusEvent) => {
    const target = e.target as HTMLElement;
    const t = target.closest<HTMLElement>(NAV_SELECTOR);
    if (target.classList.contains("card-stub")) pins.onFocus(target);
    else if (t && ref.current?.contains(t) && t === target) {
      makeTabStop(ref.current, t);
      pins.onFocus(t);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const grid = ref.current;
    if (!grid || isTyping(e.target)) return;
    if (carryKey(session, e)) {
      e.preventDefault();
      return;
    }
    // Ctrl+arrows navigate too: on an emotion point, plain ↑/↓ change its level.
    if (e.altKey || e.metaKey) return;
    const from = (e.target as HTMLElement).closest<HTMLElement>(NAV_SELECTOR);
    if (from && headerKey(session, from, e)) {
      e.preventDefault();
      return;
    }
    const ctrl = e.ctrlKey && (e.key === "Home" || e.key === "End");
    let next = from ? nextTarget(grid, from, e.key, ctrl) : null;
    if (next && from && isPlaceholder(next)) {
      // Off screen: draw that cell, then ask again (the same key now finds its real card).
      pins.materialise(next);
      next = nextTarget(grid, from, e.key, ctrl);
    }
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  const style = {
    gridTemplateColumns: `var(--lane-w, ${LANE_HEADER_WIDTH}px) repeat(${stages.length}, ${STAGE_WIDTH}px)`,
    zoom: zoom === 1 ? undefined : zoom,
  } as CSSProperties;
  return (
    <div
      ref={ref}
      role="grid"
      aria-label="Journey map"
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      aria-rowcount={lanes.length + 1}
      aria-colcount={stages.length + 1}
      className={density === "compact" ? "grid density-compact" : "grid"}
      style={style}
    >
      {phases.length > 0 ? <PhaseRow /> : null}
      <div role="row" className="row header-row">
        <div role="columnheader" className="corner" aria-label="Lanes">
          <span className="muted">Lanes \ Stages</span>
        </div>
        <SortableContext items={stageItems} strategy={horizontalListSortingStrategy}>
          {stages.map((s, i) => (
            <StageHeader
              key={s.id}
              stage={s}
              index={i}
              count={stages.length}
              phases={phases}
              renaming={renamingStage === s.id}
            />
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
              liveFrom={r >= win.rowFrom && r <= win.rowTo ? win.colFrom : -1}
              liveTo={r >= win.rowFrom && r <= win.rowTo ? win.colTo : -2}
              pinned={pins.pinsOf(r)}
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

/**
 * Keys on a focused stage or lane header: Enter or F2 renames, Shift+F10 or the context-menu key
 * opens its menu (the chrome buttons are not Tab stops inside the grid).
 */
function headerKey(
  session: ReturnType<typeof useSession>,
  from: HTMLElement,
  e: React.KeyboardEvent,
): boolean {
  const header = from.matches('[role="columnheader"], [role="rowheader"]') ? from : null;
  if (!header || from !== e.target) return false;
  if (e.key === "ContextMenu" || (e.shiftKey && e.key === "F10")) {
    header.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.click();
    return true;
  }
  if (e.key !== "Enter" && e.key !== "F2") return false;
  const [r = 0, c = 0] = (header.dataset.nav ?? "").split(":").map(Number);
  const { map } = session.store.getState();
  const target = r === 0 ? map.stages[c - 1] : map.lanes[r - 1];
  if (!target) return false;
  session.store.setState({ editing: { kind: r === 0 ? "stage" : "lane", id: target.id } });
  return true;
}

/** True when keys go to a text field or select (which use arrows themselves). */
function isTyping(t: EventTarget): boolean {
  const el = t as HTMLElement;
  return (
    el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable
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
