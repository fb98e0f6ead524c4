import { useCallback, useMemo, useRef } from "react";
import type { Card } from "../../domain/index.ts";

const EMPTY: Card[] = [];

/**
 * Cards grouped by cell (`laneId|stageId`), in display order. Groups whose cards did not change
 * keep their previous array, so memoised cells skip re-rendering after an edit elsewhere.
 */
export function useCellIndex(cards: readonly Card[]): (laneId: string, stageId: string) => Card[] {
  const prev = useRef(new Map<string, Card[]>());
  const index = useMemo(() => {
    const next = new Map<string, Card[]>();
    for (const c of cards) {
      const k = `${c.laneId}|${c.stageId}`;
      const list = next.get(k);
      if (list) list.push(c);
      else next.set(k, [c]);
    }
    for (const [k, list] of next) {
      const old = prev.current.get(k);
      if (old && old.length === list.length && old.every((c, i) => c === list[i])) next.set(k, old);
    }
    prev.current = next;
    return next;
  }, [cards]);
  // Stable while the cards do not change, so memoised rows skip re-rendering on other edits.
  return useCallback((laneId, stageId) => index.get(`${laneId}|${stageId}`) ?? EMPTY, [index]);
}
