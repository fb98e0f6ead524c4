import { orderedStages } from "../analysis/curve.ts";
import { cardsOfKind } from "../analysis/health/cards.ts";
import type { KpiEntry, SolutionStatus } from "../model/card.ts";
import type { JourneyMap } from "../model/journey-map.ts";

/** Direction of a KPI between its last two values. */
export type KpiTrend = "up" | "down" | "flat";

/** A KPI's value before and after a solution shipped. */
export interface BeforeAfter {
  /** The last value recorded before the ship date (null: none). */
  before: KpiEntry | null;
  /** The latest value recorded on or after the ship date (null: none yet). */
  after: KpiEntry | null;
  /** after − before, null unless both exist. */
  change: number | null;
}

/** A solution that should move a KPI, with the KPI around its ship date. */
export interface KpiSolution {
  /** The solution (idea) card. */
  cardId: string;
  /** First line of its text. */
  summary: string;
  /** planned / in progress / shipped. */
  status: SolutionStatus;
  /** Ship date, null when not shipped (or not dated). */
  shipDate: string | null;
  /** The KPI before and after the ship date; null without a ship date. */
  impact: BeforeAfter | null;
}

/** One KPI of one map, as the KPI view across maps shows it. */
export interface KpiItem {
  /** Map id. */
  mapId: string;
  /** Map title. */
  mapTitle: string;
  /** KPI card id. */
  cardId: string;
  /** Stage id and name. */
  stageId: string;
  stageName: string;
  /** Metric name (the card's text when the name is empty). */
  name: string;
  /** Unit. */
  unit: string;
  /** Target value. */
  target: number | null;
  /** The latest value: the last history entry, else the card's value and date. */
  latest: { value: number; date: string | null } | null;
  /** Last value against the one before it; null with fewer than two values. */
  trend: KpiTrend | null;
  /** Every recorded value, oldest first. */
  history: KpiEntry[];
  /** Solutions (of the same map) naming this KPI. */
  solutions: KpiSolution[];
}

/**
 * The value before a ship date (the last entry dated strictly before it) and after (the latest
 * entry on or after it): what the team compares to see whether a shipped solution moved the KPI.
 */
export function beforeAfter(history: readonly KpiEntry[], shipDate: string): BeforeAfter {
  const before = history.filter((e) => e.date < shipDate).at(-1) ?? null;
  const after = history.filter((e) => e.date >= shipDate).at(-1) ?? null;
  return { before, after, change: before && after ? round(after.value - before.value) : null };
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

function trendOf(history: readonly KpiEntry[]): KpiTrend | null {
  const [a, b] = history.slice(-2);
  if (!a || !b) return null;
  return b.value > a.value ? "up" : b.value < a.value ? "down" : "flat";
}

/** Every KPI card of a map with its latest value, trend, history and the solutions naming it. */
export function mapKpis(map: JourneyMap): KpiItem[] {
  const names = new Map<string, string>(orderedStages(map).map((s) => [s.id, s.name]));
  const solutions = cardsOfKind(map.cards, "idea").filter((c) => c.fields.solutionStatus !== null);
  return cardsOfKind(map.cards, "kpi").map((c) => {
    const f = c.fields;
    const last = f.history.at(-1);
    return {
      mapId: map.id,
      mapTitle: map.title,
      cardId: c.id,
      stageId: c.stageId,
      stageName: names.get(c.stageId) ?? c.stageId,
      name: f.name.trim() || c.text.trim().split("\n")[0] || "KPI",
      unit: f.unit,
      target: f.target,
      latest: last
        ? { value: last.value, date: last.date }
        : f.value === null
          ? null
          : { value: f.value, date: f.asOf },
      trend: trendOf(f.history),
      history: [...f.history],
      solutions: solutions
        .filter((s) => s.fields.kpiIds.includes(c.id))
        .map((s) => ({
          cardId: s.id,
          summary: s.text.trim().split("\n")[0] ?? "",
          status: s.fields.solutionStatus as SolutionStatus,
          shipDate: s.fields.shipDate,
          impact:
            s.fields.solutionStatus === "shipped" && s.fields.shipDate
              ? beforeAfter(f.history, s.fields.shipDate)
              : null,
        })),
    };
  });
}
