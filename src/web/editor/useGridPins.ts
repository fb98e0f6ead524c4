import { useDndMonitor } from "@dnd-kit/core";
import { type RefObject, useLayoutEffect, useReducer, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Card, Lane, Stage } from "../../domain/index.ts";
import { navPos } from "./grid-nav.ts";
import { useEditor } from "./session-context.ts";

/** A cell by lane and stage index. */
interface Pin {
  lane: number;
  stage: number;
}

/** True for an element standing in for one that is not drawn (CellPlaceholder). */
export const isPlaceholder = (el: Element) => el.matches(".cell-placeholder, .card-stub");

/**
 * Cells drawn in full whatever the scroll position: the one holding the grid's focus (the roving
 * Tab stop, so focus is never lost by scrolling), the selected card's, and the dragged card's (a
 * drag must not lose its card). Focusing a placeholder or a card stub pins its cell and, after the
 * render, moves focus to the real cell or card (`onFocus`); `materialise` does the same at once
 * for keyboard navigation.
 */
export function useGridPins(
  grid: RefObject<HTMLDivElement | null>,
  lanes: readonly Lane[],
  stages: readonly Stage[],
  cards: readonly Card[],
): {
  pinsOf: (lane: number) => string;
  onFocus: (target: HTMLElement) => void;
  materialise: (el: HTMLElement) => void;
} {
  const focus = useRef<Pin | null>(null);
  const pending = useRef<{ cardId?: string; nav?: string } | null>(null);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const [drag, setDrag] = useState<Pin | null>(null);
  const selectedId = useEditor((s) => s.selectedCardId);
  const cellOf = (cardId: string | null | undefined): Pin | null => {
    const card = cardId ? cards.find((c) => c.id === cardId) : undefined;
    if (!card) return null;
    const lane = lanes.findIndex((l) => l.id === card.laneId);
    const stage = stages.findIndex((s) => s.id === card.stageId);
    return lane < 0 || stage < 0 ? null : { lane, stage };
  };
  useDndMonitor({
    onDragStart: (e) => {
      const [kind, id] = String(e.active.id).split("|");
      if (kind === "card") setDrag(cellOf(id));
    },
    onDragEnd: () => setDrag(null),
    onDragCancel: () => setDrag(null),
  });
  const pinOf = (el: HTMLElement): Pin | null => {
    const p = navPos(el);
    return p && p.r > 0 && p.c > 0 ? { lane: p.r - 1, stage: p.c - 1 } : null;
  };
  // After the render that drew a focused placeholder's cell: focus the real cell or card.
  useLayoutEffect(() => {
    const want = pending.current;
    const root = grid.current;
    if (!want || !root) return;
    pending.current = null;
    const sel = want.cardId
      ? `.card[data-card-id="${CSS.escape(want.cardId)}"]`
      : `.cell[data-nav="${want.nav}"]`;
    root.querySelector<HTMLElement>(sel)?.focus();
  });
  const pins = [focus.current, cellOf(selectedId), drag].filter((p): p is Pin => !!p);
  return {
    pinsOf: (lane) =>
      pins
        .filter((p) => p.lane === lane)
        .map((p) => p.stage)
        .join(","),
    onFocus: (target) => {
      const pin = pinOf(target);
      if (!pin) return;
      const moved = focus.current?.lane !== pin.lane || focus.current?.stage !== pin.stage;
      focus.current = pin;
      if (!isPlaceholder(target)) return;
      pending.current = target.dataset.cardId
        ? { cardId: target.dataset.cardId }
        : { nav: target.dataset.nav };
      if (moved || pending.current) bump();
    },
    materialise: (el) => {
      const pin = pinOf(el);
      if (!pin) return;
      focus.current = pin;
      flushSync(bump);
    },
  };
}
