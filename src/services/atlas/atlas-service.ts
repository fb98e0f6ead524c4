import { type Atlas, type AtlasFilter, buildAtlas } from "../../domain/atlas/index.ts";
import {
  type DataConversion,
  dataConversion,
  type MapFigures,
  mapFigures,
} from "../../domain/hierarchy/index.ts";
import type { JourneyMap } from "../../domain/index.ts";
import type { JourneyService } from "../journey-service.ts";
import type { MapDataService } from "../logs/map-data-service.ts";
import type { PersonaService } from "../persona-service.ts";
import { linkedStageReach } from "../portfolio/linked-log.ts";
import { loadWorkspaceMaps } from "../portfolio/workspace-maps.ts";
import type { SettingsService } from "../settings-service.ts";

/** Figures and data conversion of every map of a workspace, shared by the atlas and the CLI. */
export interface WorkspaceFigures {
  maps: JourneyMap[];
  figures: Map<string, MapFigures>;
  conversions: Map<string, DataConversion | null>;
}

/** The atlas of a workspace: personas × lifecycle phases, a tile per map with its health and data. */
export class AtlasService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly personas: PersonaService,
    private readonly settings: SettingsService,
    private readonly mapData: MapDataService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** The atlas with filters; `today` (YYYY-MM-DD) defaults to the service clock. */
  async get(ws: string, filter: AtlasFilter = {}, today?: string): Promise<Atlas & { today: string }> {
    const day = today ?? this.clock().slice(0, 10);
    const [{ maps, figures, conversions }, personas] = await Promise.all([
      this.figures(ws, day),
      this.personas.list(ws),
    ]);
    const atlas = buildAtlas({
      maps,
      personas: personas.map((p) => ({ id: p.id, name: p.name })),
      figures: (m) => figures.get(m.id) as MapFigures,
      conversion: (m) => conversions.get(m.id) ?? null,
      filter,
    });
    return { ...atlas, today: day };
  }

  private async figures(ws: string, today: string): Promise<WorkspaceFigures> {
    const [maps, { health }] = await Promise.all([
      loadWorkspaceMaps(this.journeys, ws),
      this.settings.get(ws),
    ]);
    const ids = new Set(maps.map((m) => m.id as string));
    const figures = new Map<string, MapFigures>();
    const conversions = new Map<string, DataConversion | null>();
    for (const m of maps) {
      figures.set(
        m.id,
        mapFigures(m, {
          today,
          config: health,
          ...(m.counterpartId ? { counterpartExists: ids.has(m.counterpartId) } : {}),
        }),
      );
      conversions.set(m.id, dataConversion(m, await linkedStageReach(this.mapData, ws, m)));
    }
    return { maps, figures, conversions };
  }
}
