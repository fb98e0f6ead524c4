import type { DataConversion } from "../../domain/hierarchy/index.ts";
import {
  buildHierarchy,
  dataConversion,
  type HierarchyReport,
  mapFigures,
} from "../../domain/hierarchy/index.ts";
import type { JourneyMap } from "../../domain/index.ts";
import type { JourneyService } from "../journey-service.ts";
import type { MapDataService } from "../logs/map-data-service.ts";
import { linkedStageReach } from "../portfolio/linked-log.ts";
import { loadWorkspaceMaps } from "../portfolio/workspace-maps.ts";
import type { SettingsService } from "../settings-service.ts";

/**
 * Journey hierarchy: a map's parents (found by scanning the workspace's maps, the same read the
 * atlas and the portfolio make) and the roll-ups of its linked stages, computed on every request
 * so a change in a child shows at once.
 */
export class HierarchyService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly settings: SettingsService,
    private readonly mapData: MapDataService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Parents, breadcrumb and per-stage roll-ups of a map; `not_found` when absent. */
  async get(ws: string, id: string): Promise<HierarchyReport> {
    const { map } = await this.journeys.get(ws, id);
    const [maps, { health }] = await Promise.all([
      loadWorkspaceMaps(this.journeys, ws),
      this.settings.get(ws),
    ]);
    const ids = new Set(maps.map((m) => m.id as string));
    const today = this.clock().slice(0, 10);
    const conversions = new Map<string, DataConversion | null>();
    for (const childId of new Set(map.stages.flatMap((s) => s.subJourneyIds as string[]))) {
      const child = maps.find((m) => m.id === childId);
      if (child)
        conversions.set(childId, dataConversion(child, await linkedStageReach(this.mapData, ws, child)));
    }
    return buildHierarchy(map, {
      maps,
      healthScore: (m: JourneyMap) =>
        mapFigures(m, {
          today,
          config: health,
          ...(m.counterpartId ? { counterpartExists: ids.has(m.counterpartId) } : {}),
        }).healthScore,
      conversion: (m) => conversions.get(m.id) ?? null,
    });
  }
}
