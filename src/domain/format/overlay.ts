import type { StageFigures } from "../journey-data/designed-vs-actual.ts";
import type { DfgEdge } from "../journey-data/log-results.ts";
import { activityMatcher } from "../journey-data/match.ts";
import type { RegexCompiler } from "../journey-data/regex-engine.ts";
import type { Estimate } from "../journey-data/statistics.ts";
import type { StageSurvey } from "../journey-data/surveys.ts";
import type { JourneyMap } from "../model/journey-map.ts";

/** What the data overlay shows of one stage in pictures and slides. */
export interface StageOverlay {
  /** Cases reaching the stage (designed vs actual), null without a linked log. */
  reached: number | null;
  /** reached / cases. */
  reachShare: number | null;
  /** reached / reached at the previous stage (null for none or without a log). */
  conversion: number | null;
  /** Count-weighted median of the hand-over times into the stage (from the log's transitions). */
  medianEntryMs: number | null;
  /** Emotion measured by surveys on the map's scale, with its 95 % band; null without scores. */
  emotion: Estimate | null;
}

/** The data overlay of a map for exports: where the figures come from and the figures per stage. */
export interface PictureOverlay {
  /** E.g. "event log Claims (1 104 cases) · surveys (120 responses)". */
  source: string;
  /** Per stage id. */
  stages: Record<string, StageOverlay>;
}

/**
 * Median time to get into each stage: for every transition of the log from an activity of another
 * stage (or of none) to an activity of this stage, its median time, weighted by its count. Pure.
 */
export function stageEntryTimes(
  map: JourneyMap,
  edges: readonly DfgEdge[],
  regex?: RegexCompiler,
): Record<string, number | null> {
  const match = activityMatcher(map.activityRules, regex);
  const stageOf = (a: string) => match(a)?.stageId ?? null;
  const into = new Map<string, { ms: number; count: number }[]>();
  for (const e of edges) {
    const to = stageOf(e.to);
    if (!to || stageOf(e.from) === to || e.count <= 0) continue;
    into.set(to, [...(into.get(to) ?? []), { ms: e.medianMs, count: e.count }]);
  }
  return Object.fromEntries(
    map.stages.map((s) => {
      const xs = [...(into.get(s.id) ?? [])].sort((a, b) => a.ms - b.ms);
      const total = xs.reduce((n, x) => n + x.count, 0);
      let seen = 0;
      const median = xs.find((x) => {
        seen += x.count;
        return seen * 2 >= total;
      });
      return [s.id, median ? median.ms : null];
    }),
  );
}

/**
 * Builds the overlay from the editor overlay's own figures: designed vs actual of the linked log
 * (`MapDataService.report`), the log's transitions, and the surveys' per-stage emotion.
 */
export function pictureOverlay(
  map: JourneyMap,
  log: {
    name: string;
    cases: number;
    stages: readonly StageFigures[];
    entryMs: Record<string, number | null>;
  } | null,
  surveys: { responses: number; stages: readonly StageSurvey[] } | null,
): PictureOverlay {
  const figures = new Map((log?.stages ?? []).map((s) => [s.stageId as string, s]));
  const emotion = new Map((surveys?.stages ?? []).map((s) => [s.stageId as string, s.emotion]));
  const source = [
    log ? `event log ${log.name} (${log.cases} cases)` : null,
    surveys ? `surveys (${surveys.responses} responses)` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return {
    source,
    stages: Object.fromEntries(
      map.stages.map((s) => {
        const f = figures.get(s.id);
        return [
          s.id,
          {
            reached: f ? f.reached : null,
            reachShare: f ? f.reachShare : null,
            conversion: f ? f.conversion : null,
            medianEntryMs: log?.entryMs[s.id] ?? null,
            emotion: emotion.get(s.id) ?? null,
          },
        ];
      }),
    ),
  };
}
