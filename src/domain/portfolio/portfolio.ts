import type { z } from "zod";
import { orderedStages } from "../analysis/curve.ts";
import { cardsOfKind, isBlank } from "../analysis/health/cards.ts";
import { prioritizePainPoints } from "../analysis/priority.ts";
import type { PainImpactSchema, WorkStatus } from "../model/card.ts";
import type { JourneyMap, MapKind, MapStatus } from "../model/journey-map.ts";
import { isOverdue } from "./overdue.ts";

/** Kinds of portfolio rows: pain points and ideas (opportunities). */
export const PORTFOLIO_TYPES = ["pain", "idea"] as const;
/** Kind of a portfolio row. */
export type PortfolioType = (typeof PORTFOLIO_TYPES)[number];

/** One pain point or idea of some map, with what the cross-map backlog shows and sorts by. */
export interface PortfolioItem {
  /** Pain point or idea. */
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
  /** Work status of a pain point; null for ideas (they have none yet). */
  status: WorkStatus | null;
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
   * Priority: impact weight × reach for a pain point (as in the map's own ranking); for an idea the
   * highest score of the pain points it addresses. Null when unknown.
   */
  score: number | null;
  /** Pain points an idea addresses (ids on the same map). */
  painPointIds: string[];
  /** Effort of an idea. */
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

/**
 * Every pain point (resolved ones included) and idea of a map as portfolio rows. With `data`
 * (the log linked to the map) reach and priority come from the cases reaching each stage.
 */
export function mapPortfolio(map: JourneyMap, today: string, data?: StageReachData): PortfolioItem[] {
  const scored = data ? withDataReach(map, data) : map;
  const sourceOf = (stageId: string) => {
    const reached = data?.reached.get(stageId);
    return data && reached !== undefined && data.cases > 0
      ? reachSourceText(reached, data.cases, data.logName)
      : null;
  };
  const pains = prioritizePainPoints(scored, { includeResolved: true }).map(
    (p): PortfolioItem => ({
      type: "pain",
      ...base(map),
      cardId: p.card.id,
      stageId: p.stageId,
      stageName: p.stageName,
      summary: firstLine(p.card.text),
      text: p.card.text,
      status: p.card.fields.status,
      owner: isBlank(p.card.fields.owner) ? null : (p.card.fields.owner as string).trim(),
      dueDate: p.card.fields.dueDate,
      overdue: isOverdue(p.card.fields, today),
      impact: p.card.fields.impact,
      reach: p.reach,
      reachSource: sourceOf(p.stageId),
      score: p.score,
      painPointIds: [],
      effort: null,
    }),
  );
  const scoreOf = new Map(pains.map((p) => [p.cardId, p.score]));
  const names = new Map<string, string>(orderedStages(map).map((s) => [s.id, s.name]));
  const ideas = cardsOfKind(map.cards, "idea").map((c): PortfolioItem => {
    const scores = c.fields.painPointIds.flatMap((id) => {
      const s = scoreOf.get(id);
      return s === undefined || s === null ? [] : [s];
    });
    return {
      type: "idea",
      ...base(map),
      cardId: c.id,
      stageId: c.stageId,
      stageName: names.get(c.stageId) ?? c.stageId,
      summary: firstLine(c.text),
      text: c.text,
      status: null,
      owner: null,
      dueDate: null,
      overdue: false,
      impact: null,
      reach: null,
      reachSource: null,
      score: scores.length ? Math.max(...scores) : null,
      painPointIds: [...c.fields.painPointIds],
      effort: c.fields.effort,
    };
  });
  return [...pains, ...ideas];
}
