import type { MapCommand } from "../commands/registry.ts";
import type { Card } from "../model/card.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import type { StageFigures } from "./designed-vs-actual.ts";

/** Name of the KPI lane Wayline fills from data. */
export const DATA_KPI_LANE = "KPIs from data";

/** What the KPI cards are computed from: the log and the per-stage figures of designed vs actual. */
export interface KpiSource {
  /** Log id (names a new KPI lane). */
  logId: string;
  /** Log name (cited as the cards' source). */
  logName: string;
  /** Per-stage figures, in map order. */
  stages: readonly StageFigures[];
}

interface KpiValue {
  name: string;
  value: number | null;
  unit: string;
}

function stageKpis(s: StageFigures): KpiValue[] {
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
export function kpiCommands(map: JourneyMap, report: KpiSource, today: string): MapCommand[] {
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
