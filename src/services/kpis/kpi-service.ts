import { type KpiItem, mapKpis } from "../../domain/portfolio/index.ts";
import type { JourneyService } from "../journey-service.ts";
import { loadWorkspaceMaps } from "../portfolio/workspace-maps.ts";

/** Every KPI across the maps of a workspace. */
export interface KpiReport {
  /** KPIs of every map (archived maps left out), by map title then stage order. */
  items: KpiItem[];
}

/** The KPI view across maps: latest value, target, trend, history, solutions before/after. */
export class KpiService {
  constructor(private readonly journeys: JourneyService) {}

  /** KPIs of every non-archived map, optionally of one map only. */
  async list(ws: string, mapId?: string): Promise<KpiReport> {
    const maps = (await loadWorkspaceMaps(this.journeys, ws)).filter(
      (m) => m.status !== "archived" && (mapId === undefined || m.id === mapId),
    );
    maps.sort((a, b) => a.title.localeCompare(b.title));
    return { items: maps.flatMap(mapKpis) };
  }
}
