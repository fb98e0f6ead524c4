import type { AnalyticsEngine } from "../../analytics/engine.ts";
import { invalid } from "../../domain/index.ts";
import type { DesignedVsActual } from "../../domain/journey-data/index.ts";
import {
  type ActivityDuration,
  designedVsActual,
  kpiCommands,
  type StageTime,
  stageGroups,
  stageTimes,
} from "../../domain/journey-data/index.ts";
import type { JourneyMap } from "../../domain/model/journey-map.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import { re2Regex } from "../regex/re2-regex.ts";
import type { LogLibrary } from "./log-library.ts";

export { DATA_KPI_LANE, kpiCommands } from "../../domain/journey-data/index.ts";

/** Most variants read for the overlay; `coverage` says how much of the log they cover. */
const MAX_VARIANTS = 100_000;

/** The first instant after a day (YYYY-MM-DD) in UTC, epoch ms: the log "as of" that day ends there. */
export function endOfDayUtc(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
}

/** Designed-vs-actual of a map on a log, with the share of cases the variants read cover. */
export interface MapDataReport extends DesignedVsActual {
  logId: string;
  logName: string;
  /** Share of the log's cases covered by the variants read (1 unless the log has > 100 000 variants). */
  coverage: number;
}

/** Activity durations of a log and, with a map, time in each of its stages beside the stage's SLA. */
export interface DurationsReport {
  /** Events in the log. */
  events: number;
  /** Of those, events with their own duration (interval logs, merged lifecycles). */
  measured: number;
  /** Every activity of the log (byte order of the name) with its events' durations. */
  activities: ActivityDuration[];
  /** Every stage of the map, in map order (absent without a map). */
  stages?: StageTime[];
}

/** A map's durations report on one log (`GET /api/journeys/:id/data/durations`). */
export interface MapDurationsReport extends DurationsReport {
  logId: string;
  logName: string;
  stages: StageTime[];
}

/**
 * Asks a loaded engine for activity durations and, given a map, for the time in each stage its
 * activity rules place the log's activities in (the CLI on a file and the service on a stored log).
 */
export async function measureDurations(
  engine: AnalyticsEngine,
  map?: Pick<JourneyMap, "stages" | "activityRules">,
): Promise<DurationsReport> {
  const acts = await engine.activityDurations();
  const report: DurationsReport = {
    events: acts.events,
    measured: acts.measured,
    activities: acts.activities,
  };
  if (!map) return report;
  const groups = stageGroups(
    map,
    acts.activities.map((a) => a.activity),
    re2Regex,
  );
  const measured = groups.length ? await engine.stageDurations({ stages: groups }) : null;
  return { ...report, stages: stageTimes(map, measured) };
}

/** The data overlay of a map: designed vs actual and KPIs filled from an imported log. */
export class MapDataService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly logs: LogLibrary,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Compares the map's designed stages with the log through the map's activity rules. */
  async report(ws: string, mapId: string, logId: string, asOf?: string): Promise<MapDataReport> {
    const { map } = await this.journeys.get(ws, mapId);
    const log = await this.logs.get(ws, logId);
    const before = asOf === undefined ? undefined : endOfDayUtc(asOf);
    const variants = await this.logs.query(ws, logId, (e) => e.variants({ top: MAX_VARIANTS, before }));
    return {
      ...designedVsActual(map, variants.variants, re2Regex),
      logId,
      logName: log.name,
      coverage: variants.coverage,
    };
  }

  /** Activity durations of the log and the time in each of the map's stages beside its SLA. */
  async durations(ws: string, mapId: string, logId: string): Promise<MapDurationsReport> {
    const { map } = await this.journeys.get(ws, mapId);
    const log = await this.logs.get(ws, logId);
    const r = await this.logs.query(ws, logId, (e) => measureDurations(e, map));
    return { ...r, stages: r.stages ?? [], logId, logName: log.name };
  }

  /**
   * Writes per-stage KPI cards (cases reaching the stage, conversion from the previous stage,
   * cases leaving there) into the map's "KPIs from data" lane, creating the lane when missing
   * and updating the cards it made before. Marked observed, citing the log. With `asOf` (a past
   * day, YYYY-MM-DD) the values are the log's as it was at the end of that day (UTC): only the
   * events before then count, and they are recorded under that day in each KPI's history.
   */
  async fillKpis(
    ws: string,
    mapId: string,
    logId: string,
    asOf?: string,
  ): Promise<{ view: JourneyView; report: MapDataReport }> {
    const today = this.clock().slice(0, 10);
    if (asOf !== undefined && asOf > today)
      throw invalid("invalid_request", "invalid KPI date", [
        { path: "body.asOf", message: `${asOf} is in the future (today is ${today})` },
      ]);
    const report = await this.report(ws, mapId, logId, asOf);
    const current = await this.journeys.get(ws, mapId);
    const commands = kpiCommands(current.map, report, asOf ?? today);
    const { view } = await this.journeys.apply(ws, mapId, { baseVersion: current.version, commands });
    return { view, report };
  }
}
