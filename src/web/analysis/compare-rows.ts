import {
  type MapComparison,
  orderedStages,
  type StageCardDiff,
  type StageChange,
} from "../../domain/analysis/index.ts";
import type { JourneyMap } from "../../domain/index.ts";

/** How a stage differs between the current and the future map. */
export type RowStatus = "added" | "removed" | "changed" | "moved" | "unchanged";

/** One row of the side-by-side comparison: a stage in one or both maps. */
export interface CompareRow {
  /** Stable React key. */
  key: string;
  status: RowStatus;
  /** The stage name in the current map, null for an added stage. */
  currentName: string | null;
  /** The stage name in the future map, null for a removed stage. */
  futureName: string | null;
  /** What changed on a matched stage. */
  changes: StageChange[];
  /** Card differences at this stage (empty lists when none). */
  cards: Pick<StageCardDiff, "added" | "removed" | "changed">;
  /** Mean emotion over personas before and after, and the change. */
  before: number | null;
  after: number | null;
  delta: number | null;
}

const NO_CARDS = { added: [], removed: [], changed: [] };
const mean = (vs: number[]) =>
  vs.length ? Math.round((vs.reduce((a, b) => a + b, 0) / vs.length) * 100) / 100 : null;

/** A matched stage is "changed" when the stage, its cards or its emotion differ, "moved" when only its position did. */
function statusOf(changes: StageChange[], cards: CompareRow["cards"], delta: number | null): RowStatus {
  if (cards.added.length + cards.removed.length + cards.changed.length > 0 || delta) return "changed";
  if (changes.length === 0) return "unchanged";
  return changes.length === 1 && changes[0] === "position" ? "moved" : "changed";
}

/**
 * The comparison as rows in journey order: the future map's stages in its order (matched or
 * added), with each removed stage placed after the row of its predecessor in the current map.
 */
export function compareRows(cmp: MapComparison, current: JourneyMap, future: JourneyMap): CompareRow[] {
  const emotion = (c: string | null, f: string | null) => {
    const rows = cmp.emotion.filter((e) => e.currentStageId === c && e.futureStageId === f);
    const before = mean(rows.flatMap((r) => (r.before === null ? [] : [r.before])));
    const after = mean(rows.flatMap((r) => (r.after === null ? [] : [r.after])));
    const delta = before === null || after === null ? null : Math.round((after - before) * 100) / 100;
    return { before, after, delta };
  };
  const cardsAt = (c: string | null, f: string | null) =>
    cmp.cards.find((d) => d.currentStageId === c && d.futureStageId === f) ?? NO_CARDS;
  const rows: CompareRow[] = [];
  const rowOfCurrent = new Map<string, number>();
  for (const fs of orderedStages(future)) {
    const pair = cmp.stages.matched.find((p) => p.future.id === fs.id);
    if (pair) {
      rowOfCurrent.set(pair.current.id, rows.length);
      const cards = cardsAt(pair.current.id, fs.id);
      const feeling = emotion(pair.current.id, fs.id);
      rows.push({
        key: `m-${fs.id}`,
        status: statusOf(pair.changes, cards, feeling.delta),
        currentName: pair.current.name,
        futureName: pair.future.name,
        changes: pair.changes,
        cards,
        ...feeling,
      });
    } else if (cmp.stages.added.some((s) => s.id === fs.id)) {
      rows.push({
        key: `a-${fs.id}`,
        status: "added",
        currentName: null,
        futureName: fs.name,
        changes: [],
        cards: cardsAt(null, fs.id),
        ...emotion(null, fs.id),
      });
    }
  }
  const currentOrder = orderedStages(current);
  for (const r of cmp.stages.removed) {
    const at = currentOrder.findIndex((s) => s.id === r.id);
    let after = -1;
    for (let i = at - 1; i >= 0 && after < 0; i--) after = rowOfCurrent.get(currentOrder[i]?.id ?? "") ?? -1;
    const row: CompareRow = {
      key: `r-${r.id}`,
      status: "removed",
      currentName: r.name,
      futureName: null,
      changes: [],
      cards: cardsAt(r.id, null),
      ...emotion(r.id, null),
    };
    rows.splice(after + 1, 0, row);
    rowOfCurrent.set(r.id, after + 1);
    for (const [k, v] of rowOfCurrent) if (v > after && k !== r.id) rowOfCurrent.set(k, v + 1);
  }
  return rows;
}

/** Counts for the comparison's headline. */
export function compareCounts(rows: CompareRow[]) {
  const n = (s: RowStatus) => rows.filter((r) => r.status === s).length;
  const cards = (k: "added" | "removed" | "changed") => rows.reduce((a, r) => a + r.cards[k].length, 0);
  return {
    stagesAdded: n("added"),
    stagesRemoved: n("removed"),
    stagesChanged: n("changed"),
    stagesMoved: n("moved"),
    cardsAdded: cards("added"),
    cardsRemoved: cards("removed"),
    cardsChanged: cards("changed"),
  };
}
