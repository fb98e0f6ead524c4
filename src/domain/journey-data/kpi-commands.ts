import type { MapCommand } from "../commands/registry.ts";
import { type Card, type KpiEntry, MAX_KPI_HISTORY } from "../model/card.ts";
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

/**
 * The card's history with the day's value from the log recorded (replacing one recorded earlier
 * for that day), so each refresh from data adds a point to the KPI's history.
 */
function withLogValue(card: Card | undefined, today: string, value: number | null): KpiEntry[] {
  const old = card?.fields.kind === "kpi" ? card.fields.history.filter((e) => e.date !== today) : [];
  const next = value === null ? old : [...old, { date: today, value, origin: "log" as const }];
  return next.sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_KPI_HISTORY);
}

/**
 * Commands that create or update the data KPI cards of every stage, each recording the value of
 * `date` (today, or the past day the log was cut at) in its history. The card's value, "as of" and
 * text follow the latest entry: recording an earlier day only adds a point to the history.
 */
export function kpiCommands(map: JourneyMap, report: KpiSource, date: string): MapCommand[] {
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
      const card = existing.get(`${s.stageId}|${k.name}`);
      const history = withLogValue(card, date, k.value);
      const later = card?.fields.kind === "kpi" && (history.at(-1)?.date ?? "") > date;
      if (card && later) {
        out.push({ type: "updateCard", id: card.id, fields: { history } });
        continue;
      }
      const fields = {
        name: k.name,
        value: k.value,
        unit: k.unit,
        source,
        asOf: date,
        history,
      };
      const text = `${k.name}: ${k.value ?? "–"}${k.unit === "%" ? " %" : ` ${k.unit}`}`;
      out.push(
        card
          ? { type: "updateCard", id: card.id, text, fields, confidence: "observed" }
          : { type: "addCard", laneId, stageId: s.stageId, text, fields, confidence: "observed" },
      );
    }
  }
  return out;
}
