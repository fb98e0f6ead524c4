import Sentiment from "sentiment";
import { z } from "zod";
import type { EmotionScale } from "../model/emotion-scale.ts";
import type { StageId } from "../model/ids.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { text } from "../model/text.ts";
import { activityMatcher } from "./match.ts";
import type { RegexCompiler } from "./regex-engine.ts";
import { type Estimate, meanEstimate, npsEstimate, wilson } from "./statistics.ts";

/** Survey metrics and their score ranges. */
export const SURVEY_METRICS = { csat: [1, 5], ces: [1, 7], nps: [0, 10] } as const;
export type SurveyMetric = keyof typeof SURVEY_METRICS;

/** One survey or feedback answer, tied to a stage directly or through a touchpoint/activity name. */
export const SurveyResponseSchema = z
  .strictObject({
    /** Case (customer) id, when known. */
    caseId: text().max(200).nullable(),
    /** Stage name or id the answer is about. */
    stage: text().max(200).nullable(),
    /** Touchpoint or activity name, mapped to a stage by the map's activity rules. */
    touchpoint: text().max(200).nullable(),
    /** csat (1–5), ces (1–7, higher = easier) or nps (0–10). */
    metric: z.enum(["csat", "ces", "nps"]),
    /** The score. */
    score: z.number().int(),
    /** Free-text comment. */
    comment: text().max(10_000),
  })
  .superRefine((r, ctx) => {
    const [lo, hi] = SURVEY_METRICS[r.metric];
    if (r.score < lo || r.score > hi)
      ctx.addIssue({ code: "custom", path: ["score"], message: `${r.metric} scores lie in ${lo}…${hi}` });
    if (!r.stage && !r.touchpoint)
      ctx.addIssue({ code: "custom", path: ["stage"], message: "give a stage or a touchpoint" });
  });
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/** Survey results of one stage. */
export interface StageSurvey {
  stageId: StageId;
  stageName: string;
  responses: number;
  /** Share of CSAT answers 4–5, with interval; null without CSAT answers. */
  csat: (Estimate & { n: number }) | null;
  /** Mean CES, with interval. */
  ces: (Estimate & { n: number }) | null;
  /** NPS −100…100, with interval. */
  nps: (Estimate & { n: number }) | null;
  /** Mean AFINN comparative sentiment of the comments (about −5…5), null without comments. */
  sentiment: (Estimate & { n: number }) | null;
  /** The data-backed emotion on the map's scale, with its band; null without scores. */
  emotion: Estimate | null;
}

/** Survey results per stage, and answers that could not be placed. */
export interface SurveyResults {
  stages: StageSurvey[];
  /** Answers whose stage/touchpoint matched nothing, by name. */
  unplaced: { name: string; responses: number }[];
}

const analyzer = new Sentiment();

/**
 * Places an answer on a stage: by stage id or name; else its touchpoint through the activity
 * rules, then by the name (first line) of a touchpoint card.
 */
export function surveyPlacer(map: JourneyMap, regex?: RegexCompiler): (r: SurveyResponse) => StageId | null {
  const byKey = new Map<string, StageId>();
  for (const s of map.stages) {
    byKey.set(s.id, s.id);
    byKey.set(s.name.trim().toLowerCase(), s.id);
  }
  const touchpoints = new Map<string, StageId>();
  for (const c of map.cards) {
    const name = c.text.trim().split("\n")[0]?.trim().toLowerCase();
    if (c.fields.kind === "touchpoint" && name && !touchpoints.has(name)) touchpoints.set(name, c.stageId);
  }
  const match = activityMatcher(map.activityRules, regex);
  const byTouchpoint = (t: string) => match(t)?.stageId ?? touchpoints.get(t.trim().toLowerCase()) ?? null;
  return (r: SurveyResponse): StageId | null =>
    (r.stage ? (byKey.get(r.stage) ?? byKey.get(r.stage.trim().toLowerCase())) : undefined) ??
    (r.touchpoint ? byTouchpoint(r.touchpoint) : null);
}

/** A score as a share of its range, 0 (worst) … 1 (best). */
const unit = (metric: SurveyMetric, score: number) => {
  const [lo, hi] = SURVEY_METRICS[metric];
  return (score - lo) / (hi - lo);
};

function toScale(u: number, scale: Pick<EmotionScale, "min" | "max">): number {
  return scale.min + u * (scale.max - scale.min);
}

function stageFigures(rows: readonly SurveyResponse[], scale: EmotionScale) {
  const of = (m: SurveyMetric) => rows.filter((r) => r.metric === m).map((r) => r.score);
  const csat = of("csat");
  const ces = of("ces");
  const nps = of("nps");
  const comments = rows.filter((r) => r.comment.trim()).map((r) => analyzer.analyze(r.comment).comparative);
  const units = rows.map((r) => unit(r.metric, r.score));
  const e = units.length ? meanEstimate(units) : null;
  return {
    responses: rows.length,
    csat: csat.length ? { ...wilson(csat.filter((s) => s >= 4).length, csat.length), n: csat.length } : null,
    ces: ces.length ? { ...meanEstimate(ces), n: ces.length } : null,
    nps: nps.length ? { ...npsEstimate(nps), n: nps.length } : null,
    sentiment: comments.length ? { ...meanEstimate(comments), n: comments.length } : null,
    emotion: e
      ? {
          value: toScale(e.value, scale),
          low: toScale(Math.max(0, e.low), scale),
          high: toScale(Math.min(1, e.high), scale),
        }
      : null,
  };
}

/** CSAT, CES, NPS with 95 % intervals, comment sentiment and a data-backed emotion per stage. Pure. */
export function surveyResults(
  map: JourneyMap,
  responses: readonly SurveyResponse[],
  regex?: RegexCompiler,
): SurveyResults {
  const place = surveyPlacer(map, regex);
  const byStage = new Map<string, SurveyResponse[]>();
  const unplaced = new Map<string, number>();
  for (const r of responses) {
    const stageId = place(r);
    if (stageId) {
      const list = byStage.get(stageId) ?? [];
      list.push(r);
      byStage.set(stageId, list);
    } else {
      const name = r.stage ?? r.touchpoint ?? "";
      unplaced.set(name, (unplaced.get(name) ?? 0) + 1);
    }
  }
  const stages = map.stages.map((s) => ({
    stageId: s.id,
    stageName: s.name,
    ...stageFigures(byStage.get(s.id) ?? [], map.emotionScale),
  }));
  return {
    stages,
    unplaced: [...unplaced]
      .map(([name, n]) => ({ name, responses: n }))
      .sort((a, b) => b.responses - a.responses),
  };
}
