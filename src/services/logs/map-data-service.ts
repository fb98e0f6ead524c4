import type { Card, JourneyMap, MapCommand } from "../../domain/index.ts";
import type { DesignedVsActual } from "../../domain/journey-data/index.ts";
import { designedVsActual } from "../../domain/journey-data/index.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import { re2Regex } from "../regex/re2-regex.ts";
import type { LogLibrary } from "./log-library.ts";

/** Most variants read for the overlay; `coverage` says how much of the log they cover. */
const MAX_VARIANTS = 100_000;

/** Designed-vs-actual of a map on a log, with the share of cases the variants read cover. */
export interface MapDataReport extends DesignedVsActual {
  logId: string;
  logName: string;
  /** Share of the log's cases covered by the variants read (1 unless the log has > 100 000 variants). */
  coverage: number;
}

/** Name of the KPI lane Wayline fills from data. */
export const DATA_KPI_LANE = "KPIs from data";

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
      ...designedVsActual(map, variants.variants, re2Regex),
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

interface KpiValue {
  name: string;
  value: number | null;
  unit: string;
}

function stageKpis(s: MapDataReport["stages"][number]): KpiValue[] {
  return [
    { name: "Cases reaching", value: s.reached, unit: "cases" },
    {
      name: "Conversion",
      value: s.conversion === null ? null : Math.round(s.conversion * 1000) / 10,
      unit: "%",
    },
    { name: "Leave here", value: s.leftHere, unit: "cases" },
  ];
}

/** Commands that create or update the data KPI cards of every stage. */
export function kpiCommands(map: JourneyMap, report: MapDataReport, today: string): MapCommand[] {
  const source = `event log: ${report.logName}`;
  const lane = map.lanes.find((l) => l.type === "kpis" && l.name === DATA_KPI_LANE);
  const laneId = lane?.id ?? (`kpi-data-${report.logId}`.slice(0, 64) as never);
  const out: MapCommand[] = lane
    ? []
    : [{ type: "addLane", id: laneId, laneType: "kpis", name: DATA_KPI_LANE }];
  const existing = new Map<string, Card>();
  for (const c of map.cards)
    if (c.laneId === laneId && c.fields.kind === "kpi") existing.set(`${c.stageId}|${c.fields.name}`, c);
  for (const s of report.stages) {
    for (const k of stageKpis(s)) {
      const fields = { name: k.name, value: k.value, unit: k.unit, source, asOf: today };
      const text = `${k.name}: ${k.value ?? "–"}${k.unit === "%" ? " %" : ` ${k.unit}`}`;
      const card = existing.get(`${s.stageId}|${k.name}`);
      out.push(
        card
          ? { type: "updateCard", id: card.id, text, fields, confidence: "observed" }
          : { type: "addCard", laneId, stageId: s.stageId, text, fields, confidence: "observed" },
      );
    }
  }
  return out;
}
