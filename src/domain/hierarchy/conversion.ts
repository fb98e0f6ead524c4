import type { JourneyMap } from "../model/journey-map.ts";
import { reachSourceText, type StageReachData } from "../portfolio/portfolio.ts";

/** End-to-end conversion of a map measured on its linked event log. */
export interface DataConversion {
  /** Cases of the log reaching the map's last stage. */
  reached: number;
  /** Cases in the log. */
  cases: number;
  /** reached / cases. */
  share: number;
  /** Name of the log. */
  logName: string;
  /** "1,243 of 5,020 cases, log Q3 web shop". */
  source: string;
}

/**
 * Data-backed conversion: the share of the log's cases that reach the map's last stage (the
 * data overlay's stage reach), or null without data (no log, an empty log, no stage).
 */
export function dataConversion(
  map: Pick<JourneyMap, "stages">,
  data: StageReachData | null,
): DataConversion | null {
  const last = map.stages[map.stages.length - 1];
  if (!data || data.cases === 0 || !last) return null;
  const reached = data.reached.get(last.id) ?? 0;
  return {
    reached,
    cases: data.cases,
    share: reached / data.cases,
    logName: data.logName,
    source: reachSourceText(reached, data.cases, data.logName),
  };
}
