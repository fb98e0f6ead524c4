import type { JourneyMap } from "../../domain/index.ts";
import type { StageReachData } from "../../domain/portfolio/index.ts";
import { DATA_KPI_LANE, type MapDataService } from "../logs/map-data-service.ts";

/** Prefix of the id of the "KPIs from data" lane that `fillKpis` creates: `kpi-data-<logId>`. */
const LANE_PREFIX = "kpi-data-";

/**
 * The event log a map is linked to: the one its "KPIs from data" lane was filled from (the data
 * overlay's `POST /api/journeys/:id/data/kpis`), or null.
 */
export function linkedLogId(map: JourneyMap): string | null {
  const lane = map.lanes.find(
    (l) => l.type === "kpis" && l.name === DATA_KPI_LANE && l.id.startsWith(LANE_PREFIX),
  );
  return lane ? lane.id.slice(LANE_PREFIX.length) : null;
}

/**
 * Cases reaching each stage in the map's linked log, computed by the data overlay itself
 * (`MapDataService.report`), or null without a linked log or when that log was deleted.
 */
export async function linkedStageReach(
  mapData: MapDataService,
  ws: string,
  map: JourneyMap,
): Promise<StageReachData | null> {
  const logId = linkedLogId(map);
  if (!logId) return null;
  try {
    const report = await mapData.report(ws, map.id, logId);
    return {
      logName: report.logName,
      cases: report.cases,
      reached: new Map(report.stages.map((s) => [s.stageId as string, s.reached])),
    };
  } catch (e) {
    if ((e as { code?: string }).code === "not_found") return null;
    throw e;
  }
}
