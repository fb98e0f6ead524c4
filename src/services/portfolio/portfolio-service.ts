import type { PriorityModel } from "../../domain/analysis/priority.ts";
import {
  invalid,
  invertCommand,
  type JourneyMap,
  type MapCommand,
  type Problem,
} from "../../domain/index.ts";
import {
  filterPortfolio,
  mapPortfolio,
  type PortfolioBulk,
  type PortfolioFilter,
  type PortfolioItem,
  sortPortfolio,
  toTrackerCsv,
} from "../../domain/portfolio/index.ts";
import type { JourneyService } from "../journey-service.ts";
import type { MapDataService } from "../logs/map-data-service.ts";
import type { SettingsService } from "../settings-service.ts";
import { linkedStageReach } from "./linked-log.ts";
import { loadWorkspaceMaps } from "./workspace-maps.ts";

/** The portfolio of a workspace. */
export interface PortfolioReport {
  /** The day overdue was judged on (YYYY-MM-DD). */
  today: string;
  /** Rows before the filters. */
  total: number;
  /** Rows after the filters, in the requested order. */
  items: PortfolioItem[];
  /** The workspace's priority model the scores use. */
  model: PriorityModel;
}

/** What a bulk edit did on one map, and how to undo it there. */
export interface BulkMapResult {
  /** The map. */
  mapId: string;
  /** Its version after the edit. */
  version: number;
  /** Cards changed. */
  cardIds: string[];
  /** The batch that undoes the edit on this map (`POST /api/journeys/:id/commands`). */
  undo: { baseVersion: number; commands: MapCommand[] };
}

/** Every pain point and idea across the maps of a workspace; bulk edits through each map's commands. */
export class PortfolioService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly clock: () => string = () => new Date().toISOString(),
    /** The data overlay, for reach from a map's linked event log (typed reach only without it). */
    private readonly mapData?: MapDataService,
    /** Workspace settings, for the priority model (impact × reach without them). */
    private readonly settings?: SettingsService,
  ) {}

  /** Rows of every map (archived maps left out), filtered and ordered; reach from linked logs. */
  async list(ws: string, f: Partial<PortfolioFilter> = {}, today?: string): Promise<PortfolioReport> {
    const day = today ?? this.clock().slice(0, 10);
    const maps = (await loadWorkspaceMaps(this.journeys, ws)).filter((m) => m.status !== "archived");
    const model = this.settings ? (await this.settings.get(ws)).priority.model : "impact_reach";
    const all: PortfolioItem[] = [];
    for (const m of maps) {
      const data = this.mapData ? await linkedStageReach(this.mapData, ws, m) : null;
      all.push(...mapPortfolio(m, day, data ?? undefined, model));
    }
    return {
      today: day,
      model,
      total: all.length,
      items: sortPortfolio(filterPortfolio(all, f), f.sort ?? "priority"),
    };
  }

  /** The filtered rows as an issue-tracker CSV with links to `linkBase`. */
  async csv(ws: string, f: Partial<PortfolioFilter>, linkBase: string): Promise<string> {
    return toTrackerCsv((await this.list(ws, f)).items, linkBase);
  }

  /** The filtered rows as an issue-tracker XLSX (the CSV's columns) with links to `linkBase`. */
  async xlsx(ws: string, f: Partial<PortfolioFilter>, linkBase: string): Promise<Buffer> {
    // Loaded on demand: exceljs is among the slowest modules to load (server start-up).
    const { toTrackerXlsx } = await import("./tracker-xlsx.ts");
    return toTrackerXlsx((await this.list(ws, f)).items, linkBase);
  }

  /**
   * Sets owner, status and/or due date on many pain points, or the status of many solutions
   * (shipping one without a ship date sets today). Every item is checked first (the map exists,
   * the card is a pain point — or a solution — on it), so a bad item changes nothing; then each
   * map gets one batch of `updateCard` (or `setSolution`) through `JourneyService.apply` (the one
   * write path; atomic per map) and the inverse batch to undo it there.
   */
  async bulkEdit(ws: string, bulk: PortfolioBulk): Promise<{ maps: BulkMapResult[] }> {
    const byMap = new Map<string, string[]>();
    for (const { mapId, cardId } of bulk.items) byMap.set(mapId, [...(byMap.get(mapId) ?? []), cardId]);
    const loaded: { map: JourneyMap; version: number; cardIds: string[] }[] = [];
    const problems: Problem[] = [];
    const solutions = bulk.set.solutionStatus !== undefined;
    for (const [mapId, cardIds] of byMap) {
      const view = await this.journeys.get(ws, mapId);
      for (const cardId of cardIds) {
        const c = view.map.cards.find((x) => x.id === cardId);
        const ok = solutions
          ? c?.fields.kind === "idea" && c.fields.solutionStatus !== null
          : c?.fields.kind === "pain";
        if (!ok) {
          const i = bulk.items.findIndex((x) => x.mapId === mapId && x.cardId === cardId);
          problems.push({
            path: `body.items[${i}].cardId`,
            message: `no ${solutions ? "solution" : "pain point"} "${cardId}" on map ${mapId}`,
          });
        }
      }
      loaded.push({ map: view.map, version: view.version, cardIds: [...new Set(cardIds)] });
    }
    if (problems.length > 0) throw invalid("invalid_request", "invalid bulk edit", problems);
    const results: BulkMapResult[] = [];
    for (const { map, version, cardIds } of loaded) {
      const today = this.clock().slice(0, 10);
      const commands = cardIds.map((id): MapCommand => {
        const status = bulk.set.solutionStatus;
        if (status === undefined) return { type: "updateCard", id: id as never, fields: { ...bulk.set } };
        const f = map.cards.find((x) => x.id === id)?.fields;
        const cur = f?.kind === "idea" ? f : null;
        const shipDate = status === "shipped" ? (cur?.shipDate ?? today) : (cur?.shipDate ?? null);
        return {
          type: "setSolution",
          id: id as never,
          solution: { status, shipDate, kpiIds: [...(cur?.kpiIds ?? [])] as never },
        };
      });
      const undo = commands.flatMap((c) => invertCommand(map, c));
      const out = await this.journeys.apply(ws, map.id, { baseVersion: version, commands });
      results.push({
        mapId: map.id,
        version: out.view.version,
        cardIds,
        undo: { baseVersion: out.view.version, commands: undo },
      });
    }
    return { maps: results };
  }
}
