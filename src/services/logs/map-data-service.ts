import type { DesignedVsActual } from "../../domain/journey-data/index.ts";
import { designedVsActual, kpiCommands } from "../../domain/journey-data/index.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import type { LogLibrary } from "./log-library.ts";

export { DATA_KPI_LANE, kpiCommands } from "../../domain/journey-data/index.ts";

/** Most variants read for the overlay; `coverage` says how much of the log they cover. */
const MAX_VARIANTS = 100_000;

/** Designed-vs-actual of a map on a log, with the share of cases the variants read cover. */
export interface MapDataReport extends DesignedVsActual {
  logId: string;
  logName: string;
  /** Share of the log's cases covered by the variants read (1 unless the log has > 100 000 variants). */
  coverage: number;
}

/** The data overlay of a map: designed vs actual and KPIs filled from an imported log. */
export class MapDataService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly logs: LogLibrary,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Compares the map's designed stages with the log through the map's activity rules. */
  async report(ws: string, mapId: string, logId: string): Promise<MapDataReport> {
    const { map } = await this.journeys.get(ws, mapId);
    const log = await this.logs.get(ws, logId);
    const variants = await this.logs.query(ws, logId, (e) => e.variants({ top: MAX_VARIANTS }));
    return {
      ...designedVsActual(map, variants.variants),
      logId,
      logName: log.name,
      coverage: variants.coverage,
    };
  }

  /**
   * Writes per-stage KPI cards (cases reaching the stage, conversion from the previous stage,
   * cases leaving there) into the map's "KPIs from data" lane, creating the lane when missing
   * and updating the cards it made before. Marked observed, citing the log.
   */
  async fillKpis(
    ws: string,
    mapId: string,
    logId: string,
  ): Promise<{ view: JourneyView; report: MapDataReport }> {
    const report = await this.report(ws, mapId, logId);
    const current = await this.journeys.get(ws, mapId);
    const commands = kpiCommands(current.map, report, this.clock().slice(0, 10));
    const { view } = await this.journeys.apply(ws, mapId, { baseVersion: current.version, commands });
    return { view, report };
  }
}
