import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { activityMatcher } from "./match.ts";
import type { RegexCompiler } from "./regex-engine.ts";

/** Cases that followed one activity sequence (a variant). */
export interface CasePath {
  /** Activities in time order. */
  activities: readonly string[];
  /** Number of cases. */
  count: number;
}

/** Figures of one stage of the map, computed from data. */
export interface StageFigures {
  stageId: StageId;
  stageName: string;
  /** Cases with at least one activity mapped to the stage. */
  reached: number;
  /** reached / cases. */
  reachShare: number;
  /** reached / reached at the previous stage (1 for the first stage; null when the previous had none). */
  conversion: number | null;
  /** Cases whose furthest stage is this one (they leave here); 0 for the last stage. */
  leftHere: number;
}

/** An activity no rule maps: a journey the map does not show. */
export interface HiddenActivity {
  activity: string;
  /** Events with this activity. */
  events: number;
  /** Cases with at least one such event. */
  cases: number;
}

/** How the real journeys compare with the designed stage order. */
export interface DesignedVsActual {
  /** Cases in the data. */
  cases: number;
  /** Cases with at least one mapped activity. */
  mappedCases: number;
  /** Cases whose mapped stages never go back in the designed order. */
  inOrder: number;
  /** inOrder / mappedCases (0 when nothing is mapped). */
  inOrderShare: number;
  /** Cases that reach the last stage having passed every stage in order. */
  completeInOrder: number;
  /** Per stage, in map order. */
  stages: StageFigures[];
  /** Stages no case reaches. */
  unreachedStages: { stageId: StageId; stageName: string }[];
  /** Unmapped activities, most events first (never dropped silently). */
  hiddenActivities: HiddenActivity[];
}

interface CaseTrace {
  stages: number[];
  unmapped: Set<string>;
}

function trace(path: CasePath, stageIndex: (a: string) => number | null): CaseTrace {
  const stages: number[] = [];
  const unmapped = new Set<string>();
  for (const a of path.activities) {
    const i = stageIndex(a);
    if (i === null) unmapped.add(a);
    else if (stages[stages.length - 1] !== i) stages.push(i);
  }
  return { stages, unmapped };
}

const isNonDecreasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x >= (xs[i - 1] as number));

/** Compares case paths with the map's stages through its activity rules. Pure. */
export function designedVsActual(
  map: JourneyMap,
  paths: readonly CasePath[],
  regex?: RegexCompiler,
): DesignedVsActual {
  const match = activityMatcher(map.activityRules, regex);
  const order = new Map(map.stages.map((s, i) => [s.id as string, i]));
  const stageIndex = (a: string) => {
    const t = match(a);
    return t ? (order.get(t.stageId) ?? null) : null;
  };
  const n = map.stages.length;
  const reached = new Array<number>(n).fill(0);
  const furthest = new Array<number>(n).fill(0);
  const hidden = new Map<string, HiddenActivity>();
  let cases = 0;
  let mappedCases = 0;
  let inOrder = 0;
  let completeInOrder = 0;
  for (const p of paths) {
    cases += p.count;
    const t = trace(p, stageIndex);
    for (const a of p.activities) if (t.unmapped.has(a)) bump(hidden, a, p.count, 0);
    for (const a of t.unmapped) bump(hidden, a, 0, p.count);
    if (t.stages.length === 0) continue;
    mappedCases += p.count;
    for (const i of new Set(t.stages)) reached[i] = (reached[i] ?? 0) + p.count;
    const max = Math.max(...t.stages);
    furthest[max] = (furthest[max] ?? 0) + p.count;
    if (!isNonDecreasing(t.stages)) continue;
    inOrder += p.count;
    if (new Set(t.stages).size === n) completeInOrder += p.count;
  }
  const stages = map.stages.map((s, i): StageFigures => {
    const prev = i === 0 ? null : (reached[i - 1] as number);
    return {
      stageId: s.id,
      stageName: s.name,
      reached: reached[i] as number,
      reachShare: cases ? (reached[i] as number) / cases : 0,
      conversion: i === 0 ? 1 : prev ? (reached[i] as number) / prev : null,
      leftHere: i === n - 1 ? 0 : (furthest[i] as number),
    };
  });
  return {
    cases,
    mappedCases,
    inOrder,
    inOrderShare: mappedCases ? inOrder / mappedCases : 0,
    completeInOrder,
    stages,
    unreachedStages: stages
      .filter((s) => s.reached === 0)
      .map(({ stageId, stageName }) => ({ stageId, stageName })),
    hiddenActivities: [...hidden.values()].sort(
      (a, b) => b.events - a.events || a.activity.localeCompare(b.activity),
    ),
  };
}

function bump(m: Map<string, HiddenActivity>, activity: string, events: number, cases: number): void {
  const cur = m.get(activity) ?? { activity, events: 0, cases: 0 };
  cur.events += events;
  cur.cases += cases;
  m.set(activity, cur);
}
