import type { Card } from "../model/card.ts";
import type { JourneyMap } from "../model/journey-map.ts";
import { orderedStages } from "./curve.ts";
import { isBefore } from "./health/dates.ts";
import { runHealthCheck } from "./health/run.ts";
import { findMomentsOfTruth } from "./moments.ts";
import { type PainPriority, prioritizePainPoints } from "./priority.ts";
import type {
  StakeholderSummary,
  SummaryOpportunity,
  SummaryOptions,
  SummaryPainPoint,
} from "./summary-types.ts";

/** First line of a card's text, or a placeholder. */
export function firstLine(card: Pick<Card, "text">): string {
  return card.text.trim().split("\n")[0]?.trim() || "(untitled)";
}

function toRow(p: PainPriority, today: string): SummaryPainPoint {
  const f = p.card.fields;
  return {
    rank: p.rank,
    cardId: p.card.id,
    text: firstLine(p.card),
    stageName: p.stageName,
    impact: f.impact,
    reach: f.reach,
    score: p.score,
    owner: f.owner?.trim() || null,
    dueDate: f.dueDate,
    status: f.status,
    overdue: f.dueDate !== null && isBefore(f.dueDate, today),
  };
}

function opportunities(map: JourneyMap): SummaryOpportunity[] {
  const names = new Map<string, string>(orderedStages(map).map((s) => [s.id, s.name]));
  const cards = new Map<string, Card>(map.cards.map((c) => [c.id, c]));
  const dept = new Map<string, string>();
  for (const c of map.cards)
    if (c.fields.kind === "ownership" && c.fields.department.trim())
      dept.set(c.stageId, c.fields.department.trim());
  return map.cards.flatMap((c) => {
    if (c.fields.kind !== "idea") return [];
    const pains = c.fields.painPointIds.flatMap((id) => cards.get(id) ?? []);
    const owners = pains.flatMap((p) =>
      p.fields.kind === "pain" && p.fields.owner?.trim() ? [p.fields.owner.trim()] : [],
    );
    const stageDept = dept.get(c.stageId);
    return [
      {
        cardId: c.id,
        text: firstLine(c),
        stageName: names.get(c.stageId) ?? c.stageId,
        effort: c.fields.effort,
        quickWin: c.fields.quickWin || c.fields.effort === "low",
        addresses: pains.map(firstLine),
        ownerTeams: [...new Set(owners.length > 0 ? owners : stageDept ? [stageDept] : [])],
      },
    ];
  });
}

function byDueDate(a: SummaryPainPoint, b: SummaryPainPoint): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.rank - b.rank;
}

/** Builds the stakeholder summary of a map as of `opts.today`. */
export function buildSummary(map: JourneyMap, opts: SummaryOptions): StakeholderSummary {
  const rows = prioritizePainPoints(map).map((p) => toRow(p, opts.today));
  const health =
    opts.health ?? runHealthCheck(map, opts.healthConfig, { ...opts.healthContext, today: opts.today });
  const actionPlan = [...rows].sort(byDueDate);
  return {
    title: map.title,
    kind: map.kind,
    status: map.status,
    goal: map.goal,
    today: opts.today,
    health: { score: health.score, counts: health.counts },
    topPainPoints: rows.slice(0, opts.topN ?? 5),
    opportunities: opportunities(map).sort((a, b) => Number(b.quickWin) - Number(a.quickWin)),
    actionPlan,
    overdue: actionPlan.filter((r) => r.overdue),
    momentsOfTruth: findMomentsOfTruth(map).map((m) => ({ stageName: m.stageName, reasons: m.reasons })),
  };
}
