import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { Stage } from "../model/structure.ts";
import { orderedStages } from "./curve.ts";

/** A stage named in a comparison. */
export interface StageRef {
  /** Stage id in its own map. */
  id: StageId;
  /** Stage name. */
  name: string;
}

/** What can differ between two matched stages. */
export type StageChange = "name" | "description" | "momentOfTruth" | "phase" | "steps" | "position";

/** A stage present in both maps. */
export interface StagePair {
  /** The stage in the current map. */
  current: StageRef;
  /** The stage in the future map. */
  future: StageRef;
  /** How the two were matched. */
  matchedBy: "id" | "name";
  /** What differs (empty when unchanged). */
  changes: StageChange[];
}

/** Stages added, removed and matched between two maps. */
export interface StageComparison {
  /** Stages only in the future map, in its order. */
  added: StageRef[];
  /** Stages only in the current map, in its order. */
  removed: StageRef[];
  /** Stages in both, in the future map's order. */
  matched: StagePair[];
}

const ref = (s: Stage): StageRef => ({ id: s.id, name: s.name });
const norm = (s: string) => s.trim().toLowerCase();

/** Pairs stages by id first, then by case-insensitive name among those left. Returns future id → current stage. */
export function matchStages(
  current: readonly Stage[],
  future: readonly Stage[],
): Map<StageId, [Stage, "id" | "name"]> {
  const byId = new Map<string, Stage>(current.map((s) => [s.id, s]));
  const used = new Set<StageId>();
  const pairs = new Map<StageId, [Stage, "id" | "name"]>();
  for (const f of future) {
    const c = byId.get(f.id);
    if (c) {
      pairs.set(f.id, [c, "id"]);
      used.add(c.id);
    }
  }
  for (const f of future) {
    if (pairs.has(f.id)) continue;
    const c = current.find((s) => !used.has(s.id) && norm(s.name) === norm(f.name));
    if (c) {
      pairs.set(f.id, [c, "name"]);
      used.add(c.id);
    }
  }
  return pairs;
}

function phaseName(map: JourneyMap, s: Stage): string | null {
  return (
    map.phases
      .find((p) => p.id === s.phaseId)
      ?.name.trim()
      .toLowerCase() ?? null
  );
}

function stepNames(s: Stage): string {
  return s.steps.map((x) => norm(x.name)).join("\u0000");
}

function changesOf(maps: [JourneyMap, JourneyMap], c: Stage, f: Stage, moved: boolean): StageChange[] {
  const out: StageChange[] = [];
  if (c.name !== f.name) out.push("name");
  if (c.description.trim() !== f.description.trim()) out.push("description");
  if (c.momentOfTruth !== f.momentOfTruth) out.push("momentOfTruth");
  if (phaseName(maps[0], c) !== phaseName(maps[1], f)) out.push("phase");
  if (stepNames(c) !== stepNames(f)) out.push("steps");
  if (moved) out.push("position");
  return out;
}

/**
 * Which positions of `ranks` are out of order: everything outside one longest increasing
 * subsequence, i.e. the fewest stages whose move explains the new order.
 */
export function movedPositions(ranks: readonly number[]): Set<number> {
  const best = ranks.map(() => 1);
  const prev = ranks.map(() => -1);
  ranks.forEach((r, i) => {
    for (let j = 0; j < i; j++)
      if ((ranks[j] ?? 0) < r && (best[j] ?? 0) + 1 > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + 1;
        prev[i] = j;
      }
  });
  const keep = new Set<number>();
  for (let i = best.indexOf(Math.max(0, ...best)); i >= 0; i = prev[i] ?? -1) keep.add(i);
  return new Set(ranks.map((_, i) => i).filter((i) => !keep.has(i)));
}

/**
 * Stage-level comparison. Matched stages that changed "position" are the fewest whose move
 * explains the new order of the matched stages; adding or removing other stages moves nothing.
 */
export function compareStages(current: JourneyMap, future: JourneyMap): StageComparison {
  const cur = orderedStages(current);
  const fut = orderedStages(future);
  const pairs = matchStages(cur, fut);
  const inFuture = fut.flatMap((f) => {
    const hit = pairs.get(f.id);
    return hit ? [{ f, c: hit[0], matchedBy: hit[1] }] : [];
  });
  const moved = movedPositions(inFuture.map(({ c }) => cur.indexOf(c)));
  const matchedCurrent = new Set<StageId>(inFuture.map(({ c }) => c.id));
  return {
    added: fut.filter((f) => !pairs.has(f.id)).map(ref),
    removed: cur.filter((c) => !matchedCurrent.has(c.id)).map(ref),
    matched: inFuture.map(({ f, c, matchedBy }, i) => ({
      current: ref(c),
      future: ref(f),
      matchedBy,
      changes: changesOf([current, future], c, f, moved.has(i)),
    })),
  };
}
