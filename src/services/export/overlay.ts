import {
  type JourneyMap,
  type PictureOverlay,
  pictureOverlay,
  stageEntryTimes,
  WaylineError,
} from "../../domain/index.ts";
import type { LogLibrary } from "../logs/log-library.ts";
import type { MapDataService } from "../logs/map-data-service.ts";
import { linkedLogId } from "../portfolio/linked-log.ts";
import { re2Regex } from "../regex/re2-regex.ts";
import type { SurveyService } from "../surveys/survey-service.ts";

/** The services the data overlay of an export reads. */
export interface OverlaySources {
  mapData: MapDataService;
  logs: LogLibrary;
  surveys: SurveyService;
}

/**
 * The data overlay of a stored map, from the same figures the editor's overlay shows: designed vs
 * actual of the linked event log (the log its "KPIs from data" lane was filled from), the log's
 * transitions for the median time into each stage, and the emotion measured by its surveys.
 * `invalid_request` (naming `query.overlay`) when the map has neither a linked log nor survey scores.
 */
export async function loadOverlay(
  sources: OverlaySources,
  ws: string,
  map: JourneyMap,
): Promise<PictureOverlay> {
  const logId = linkedLogId(map);
  let log: Parameters<typeof pictureOverlay>[1] = null;
  if (logId) {
    try {
      const report = await sources.mapData.report(ws, map.id, logId);
      const edges = await sources.logs.query(ws, logId, (e) => e.dfg());
      log = {
        name: report.logName,
        cases: report.cases,
        stages: report.stages,
        entryMs: stageEntryTimes(map, edges, re2Regex),
      };
    } catch (e) {
      if ((e as { code?: string }).code !== "not_found") throw e;
    }
  }
  const results = await sources.surveys.results(ws, map.id);
  const responses = results.stages.reduce((n, s) => n + s.responses, 0);
  const surveys = results.stages.some((s) => s.emotion) ? { responses, stages: results.stages } : null;
  if (!log && !surveys)
    throw new WaylineError(
      "invalid_request",
      `the map "${map.title}" has no data overlay: fill its KPIs from an event log or import a survey in its Data panel first`,
      {
        problems: [
          { path: "query.overlay", message: "this map has no linked event log and no survey scores" },
        ],
      },
    );
  return pictureOverlay(map, log, surveys);
}
