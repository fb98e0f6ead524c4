import type { EmotionScale } from "../model/emotion-scale.ts";
import type { PersonaId, StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { type CurvePoint, emotionCurves, levelFactor, neutralLevel, orderedStages } from "./curve.ts";
import type { Severity } from "./types.ts";

/** Kinds of emotion-curve pattern (PRODUCT.md §3). */
export type PatternType = "rapid_drop" | "trough" | "peak" | "sawtooth" | "sustained_low";

/** Tunable thresholds of pattern detection. Level amounts are on the 7-level −3…+3 scale. */
export interface PatternThresholds {
  /** Smallest fall between consecutive points that counts as a rapid drop (scaled to the map's scale). */
  rapidDropLevels: number;
  /** Direction changes needed inside one sawtooth window. */
  sawtoothMinChanges: number;
  /** Width of the sawtooth window in moves (consecutive point-to-point steps); 4 moves = 5 points. */
  sawtoothWindowMoves: number;
  /** Consecutive points below neutral that make a sustained low. */
  sustainedLowMinPoints: number;
}

/** Defaults of PRODUCT.md §3. */
export const DEFAULT_PATTERN_THRESHOLDS: PatternThresholds = {
  rapidDropLevels: 2,
  sawtoothMinChanges: 3,
  sawtoothWindowMoves: 4,
  sustainedLowMinPoints: 2,
};

/** One pattern found on a persona's emotion curve. */
export interface PatternFinding {
  /** What was found. */
  type: PatternType;
  /** Persona whose curve it is (null on maps without personas). */
  personaId: PersonaId | null;
  /** Stages involved, in journey order, without repeats. */
  stageIds: StageId[];
  /** How serious it is for the journey. */
  severity: Severity;
  /** Size in levels of the map's scale: the fall, the distance from neutral, the changes or the run length. */
  magnitude: number;
  /** Human explanation, e.g. for a tooltip. */
  explanation: string;
}

/** What each detector needs about one curve. */
interface CurveContext {
  personaId: PersonaId | null;
  points: CurvePoint[];
  scale: Pick<EmotionScale, "min" | "max">;
  neutral: number;
  factor: number;
  labels: Map<string, string>;
  t: PatternThresholds;
}

const EPSILON = 1e-9;

/** "Stage" or "Stage › Step" for a point. */
function stageLabels(map: Pick<JourneyMap, "stages">): Map<string, string> {
  const labels = new Map<string, string>();
  for (const s of orderedStages(map)) {
    labels.set(s.id, s.name);
    for (const step of s.steps) labels.set(`${s.id}/${step.id}`, `${s.name} › ${step.name}`);
  }
  return labels;
}

function label(c: CurveContext, p: CurvePoint): string {
  return `“${c.labels.get(p.stepId ? `${p.stageId}/${p.stepId}` : p.stageId) ?? p.stageId}”`;
}

function stagesOf(points: readonly CurvePoint[]): StageId[] {
  return [...new Set(points.map((p) => p.stageId))];
}

function finding(c: CurveContext, f: Omit<PatternFinding, "personaId">): PatternFinding {
  return { personaId: c.personaId, ...f };
}

/** Falls between consecutive points of at least `rapidDropLevels` (scaled); error at twice that. */
function rapidDrops(c: CurveContext): PatternFinding[] {
  const min = c.t.rapidDropLevels * c.factor;
  const out: PatternFinding[] = [];
  c.points.forEach((cur, i) => {
    const prev = c.points[i - 1];
    if (!prev || prev.value - cur.value < min - EPSILON) return;
    const fall = prev.value - cur.value;
    out.push(
      finding(c, {
        type: "rapid_drop",
        stageIds: stagesOf([prev, cur]),
        severity: fall >= 2 * min - EPSILON ? "error" : "warning",
        magnitude: fall,
        explanation: `Emotion falls ${fall} level${fall === 1 ? "" : "s"} from ${label(c, prev)} to ${label(c, cur)} (${prev.value} → ${cur.value}).`,
      }),
    );
  });
  return out;
}

/** Runs of equal consecutive values, so a flat bottom or top counts once. */
function plateaus(points: readonly CurvePoint[]): CurvePoint[][] {
  const runs: CurvePoint[][] = [];
  for (const p of points) {
    const last = runs.at(-1);
    if (last && last[0]?.value === p.value) last.push(p);
    else runs.push([p]);
  }
  return runs;
}

/**
 * Local minima below neutral (troughs) or maxima above neutral (peaks). A plateau is an extremum
 * when every existing neighbour plateau lies on the other side; the curve's ends count, since a
 * journey that ends at its lowest point matters. A flat curve has no extrema.
 */
function extrema(c: CurveContext, type: "trough" | "peak"): PatternFinding[] {
  const runs = plateaus(c.points);
  if (runs.length < 2) return [];
  const sign = type === "trough" ? 1 : -1;
  const out: PatternFinding[] = [];
  runs.forEach((run, i) => {
    const v = run[0]?.value ?? c.neutral;
    const beyond = (n: CurvePoint[] | undefined) => !n || sign * ((n[0]?.value ?? v) - v) > 0;
    if (sign * (c.neutral - v) <= 0 || !beyond(runs[i - 1]) || !beyond(runs[i + 1])) return;
    const extreme = type === "trough" ? c.scale.min : c.scale.max;
    const where = run.map((p) => label(c, p)).join(", ");
    out.push(
      finding(c, {
        type,
        stageIds: stagesOf(run),
        severity: type === "trough" && v === extreme ? "warning" : "info",
        magnitude: Math.abs(v - c.neutral),
        explanation:
          type === "trough"
            ? `Low point at ${where} (${v}, neutral is ${c.neutral}): the curve rises again on both sides.`
            : `High point at ${where} (${v}, neutral is ${c.neutral}): a moment worth protecting.`,
      }),
    );
  });
  return out;
}

/** Number of sign changes between consecutive non-zero moves. */
function directionChanges(moves: readonly number[]): number {
  const signs = moves.filter((m) => m !== 0).map(Math.sign);
  return signs.filter((s, i) => i > 0 && s !== signs[i - 1]).length;
}

/**
 * Sawtooth: ≥ `sawtoothMinChanges` direction changes within `sawtoothWindowMoves` consecutive
 * moves. PRODUCT.md's "3 changes within 4 consecutive points" cannot happen literally (4 points
 * make 3 moves, at most 2 changes), so we read it as 4 consecutive *moves* (5 points): with the
 * defaults the curve must go up, down, up, down (or the reverse) without a flat move. Overlapping
 * windows merge into one finding so a long zigzag is reported once.
 */
function sawtooth(c: CurveContext): PatternFinding[] {
  const moves = c.points.slice(1).map((p, i) => p.value - (c.points[i]?.value ?? p.value));
  const w = c.t.sawtoothWindowMoves;
  const spans: [number, number][] = [];
  for (let start = 0; start + w <= moves.length; start++) {
    if (directionChanges(moves.slice(start, start + w)) < c.t.sawtoothMinChanges) continue;
    const last = spans.at(-1);
    if (last && start <= last[1]) last[1] = start + w;
    else spans.push([start, start + w]);
  }
  return spans.map(([from, to]) => {
    const pts = c.points.slice(from, to + 1);
    const changes = directionChanges(moves.slice(from, to));
    return finding(c, {
      type: "sawtooth",
      stageIds: stagesOf(pts),
      severity: "warning",
      magnitude: changes,
      explanation: `Emotion swings up and down ${changes} times between ${label(c, pts[0] as CurvePoint)} and ${label(c, pts.at(-1) as CurvePoint)}: an inconsistent experience.`,
    });
  });
}

/** Runs of at least `sustainedLowMinPoints` consecutive points below neutral; error at twice that. */
function sustainedLows(c: CurveContext): PatternFinding[] {
  const runs: CurvePoint[][] = [];
  let run: CurvePoint[] = [];
  for (const p of [...c.points, null]) {
    if (p && p.value < c.neutral) run.push(p);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  const min = c.t.sustainedLowMinPoints;
  return runs
    .filter((r) => r.length >= min)
    .map((r) =>
      finding(c, {
        type: "sustained_low",
        stageIds: stagesOf(r),
        severity: r.length >= 2 * min ? "error" : "warning",
        magnitude: r.length,
        explanation: `Emotion stays below neutral for ${r.length} points in a row, from ${label(c, r[0] as CurvePoint)} to ${label(c, r.at(-1) as CurvePoint)}.`,
      }),
    );
}

/**
 * Emotion-curve patterns of every persona of the map, each naming its stages. Curves are read in
 * journey order (stage order, then step order); thresholds default to PRODUCT.md §3 and level
 * amounts scale linearly from the 7-level scale to the map's scale.
 */
export function detectPatterns(
  map: Pick<JourneyMap, "stages" | "emotionPoints" | "personaIds" | "emotionScale">,
  thresholds: Partial<PatternThresholds> = {},
): PatternFinding[] {
  const t = { ...DEFAULT_PATTERN_THRESHOLDS, ...thresholds };
  const labels = stageLabels(map);
  const base = {
    scale: map.emotionScale,
    neutral: neutralLevel(map),
    factor: levelFactor(map.emotionScale),
    labels,
    t,
  };
  return emotionCurves(map).flatMap(({ personaId, points }) => {
    const c: CurveContext = { ...base, personaId, points };
    return [
      ...rapidDrops(c),
      ...extrema(c, "trough"),
      ...extrema(c, "peak"),
      ...sawtooth(c),
      ...sustainedLows(c),
    ];
  });
}
