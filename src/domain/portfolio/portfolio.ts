import type { z } from "zod";
import { orderedStages } from "../analysis/curve.ts";
import { cardsOfKind, isBlank } from "../analysis/health/cards.ts";
import {
  confidenceOf,
  effortOf,
  ideaPriority,
  type PriorityModel,
  prioritizePainPoints,
} from "../analysis/priority.ts";
import type { Card, PainImpactSchema, SolutionStatus, WorkStatus } from "../model/card.ts";
import type { JourneyMap, MapKind, MapStatus } from "../model/journey-map.ts";
import { isOverdue } from "./overdue.ts";

/** Kinds of portfolio rows: pain points, ideas (opportunities) and solutions (ideas taken on). */
export const PORTFOLIO_TYPES = ["pain", "idea", "solution"] as const;
/** Kind of a portfolio row. */
export type PortfolioType = (typeof PORTFOLIO_TYPES)[number];

/** One pain point or idea of some map, with what the cross-map backlog shows and sorts by. */
export interface PortfolioItem {
  /** Pain point, idea or solution. */
  type: PortfolioType;
  /** Map id. */
  mapId: string;
  /** Map title. */
  mapTitle: string;
  /** Map kind (current / future state …). */
  mapKind: MapKind;
  /** Personas attached to the map. */
  personaIds: string[];
  /** Card id. */
  cardId: string;
  /** Stage id. */
  stageId: string;
  /** Stage name. */
  stageName: string;
  /** First line of the card. */
  summary: string;
  /** The whole card text. */
  text: string;
  /** Work status of a pain point; null for ideas and solutions. */
  status: WorkStatus | null;
  /** planned / in progress / shipped for a solution; null otherwise. */
  solutionStatus: SolutionStatus | null;
  /** Ship date of a solution. */
  shipDate: string | null;
  /** KPI cards (same map) a solution should move. */
  kpiIds: string[];
  /** Owner of a pain point (trimmed), null when unset or for ideas. */
  owner: string | null;
  /** Due date of a pain point. */
  dueDate: string | null;
  /** True for an open pain point past its due date. */
  overdue: boolean;
  /** Impact of a pain point. */
  impact: z.infer<typeof PainImpactSchema> | null;
  /** Reach 0–1 of a pain point (share of customers affected): from the linked log when there is one. */
  reach: number | null;
  /** Where a data-backed reach comes from ("3 of 6 cases, log Claims"); null when typed on the card. */
  reachSource: string | null;
  /**
   * Priority under the workspace's model (`priorityScore`): for a pain point as in the map's own
   * ranking; for an idea or solution `ideaPriority` over the pain points it addresses. Null when unknown.
   */
  score: number | null;
  /** The priority model `score` was computed with. */
  model: PriorityModel;
  /** RICE confidence 0–1 (own estimate, else from the evidence level). */
  confidence: number;
  /** RICE effort in person-weeks. */
  effortWeeks: number | null;
  /** Pain points an idea or solution addresses (ids on the same map). */
  painPointIds: string[];
  /** Rough effort of an idea or solution. */
  effort: "low" | "medium" | "high" | null;
  /** Map status, so archived maps can be told apart. */
  mapStatus: MapStatus;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

function base(map: JourneyMap) {
  return {
    mapId: map.id,
    mapTitle: map.title,
    mapKind: map.kind,
    mapStatus: map.status,
    personaIds: [...map.personaIds],
  };
}

/** Cases reaching each stage in the event log linked to a map (the data overlay's figures). */
export interface StageReachData {
  /** Name of the log, for the source text. */
  logName: string;
  /** Cases in the log. */
  cases: number;
  /** Cases reaching each stage, by stage id. */
  reached: ReadonlyMap<string, number>;
}

/** "1,243 of 5,020 cases, log Q3 web shop". */
export function reachSourceText(reached: number, cases: number, logName: string): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `${n(reached)} of ${n(cases)} cases, log ${logName}`;
}

/**
 * The map with each pain point's reach replaced by its stage's share of the log's cases, so the
 * map's own ranking (`prioritizePainPoints`) scores it on data. Stages the data does not cover
 * keep the typed reach.
 */
export function withDataReach(map: JourneyMap, data: StageReachData): JourneyMap {
  if (data.cases === 0) return map;
  return {
    ...map,
    cards: map.cards.map((c) => {
      const reached = data.reached.get(c.stageId);
      if (c.fields.kind !== "pain" || reached === undefined) return c;
      return { ...c, fields: { ...c.fields, reach: reached / data.cases } };
    }),
  };
}

/** Fields an idea, a solution and a pain point share as rows. */
function ideaRow(c: Card & { fields: { kind: "idea" } }) {
  const f = c.fields;
  return {
    type: f.solutionStatus ? ("solution" as const) : ("idea" as const),
    status: null,
    solutionStatus: f.solutionStatus,
    shipDate: f.shipDate,
    kpiIds: [...f.kpiIds],
    owner: null,
    dueDate: null,
    overdue: false,
    impact: null,
    reach: null,
    reachSource: null,
    painPointIds: [...f.painPointIds],
    effort: f.effort,
    confidence: confidenceOf(c),
    effortWeeks: effortOf(c),
  };
}

/**
 * Every pain point (resolved ones included), idea and solution of a map as portfolio rows, scored
 * under `model`. With `data` (the log linked to the map) reach and priority come from the cases
 * reaching each stage.
 */
export function mapPortfolio(
  map: JourneyMap,
  today: string,
  data?: StageReachData,
  model: PriorityModel = "impact_reach",
): PortfolioItem[] {
  const scored = data ? withDataReach(map, data) : map;
  const sourceOf = (stageId: string) => {
    const reached = data?.reached.get(stageId);
    return data && reached !== undefined && data.cases > 0
      ? reachSourceText(reached, data.cases, data.logName)
      : null;
  };
  const ranked = prioritizePainPoints(scored, { includeResolved: true, model });
  const pains = ranked.map(
    (p): PortfolioItem => ({
      type: "pain",
      ...base(map),
      cardId: p.card.id,
      stageId: p.stageId,
      stageName: p.stageName,
      summary: firstLine(p.card.text),
      text: p.card.text,
      status: p.card.fields.status,
      solutionStatus: null,
      shipDate: null,
      kpiIds: [],
      owner: isBlank(p.card.fields.owner) ? null : (p.card.fields.owner as string).trim(),
      dueDate: p.card.fields.dueDate,
      overdue: isOverdue(p.card.fields, today),
      impact: p.card.fields.impact,
      reach: p.reach,
      reachSource: sourceOf(p.stageId),
      score: p.score,
      model,
      confidence: p.confidence,
      effortWeeks: p.effortWeeks,
      painPointIds: [],
      effort: null,
    }),
  );
  const painOf = new Map(ranked.map((p) => [p.card.id as string, p]));
  const names = new Map<string, string>(orderedStages(map).map((s) => [s.id, s.name]));
  const ideas = cardsOfKind(map.cards, "idea").map(
    (c): PortfolioItem => ({
      ...base(map),
      ...ideaRow(c),
      cardId: c.id,
      stageId: c.stageId,
      stageName: names.get(c.stageId) ?? c.stageId,
      summary: firstLine(c.text),
      text: c.text,
      model,
      score: ideaPriority(
        c,
        c.fields.painPointIds.flatMap((id) => painOf.get(id) ?? []),
        model,
      ),
    }),
  );
  return [...pains, ...ideas];
}
