import {
  type AttentionKind,
  type AttentionReport,
  countByKind,
  countByOwner,
  mapAttention,
  sameOwner,
  sortAttention,
} from "../../domain/portfolio/index.ts";
import type { JourneyService } from "../journey-service.ts";
import type { SettingsService } from "../settings-service.ts";
import { loadWorkspaceMaps } from "./workspace-maps.ts";

/** Filters of the needs-attention list. */
export interface AttentionQuery {
  /** Only items this person or team has to act on (case-insensitive). */
  owner?: string | undefined;
  /** Only items of these kinds. */
  kinds?: readonly AttentionKind[] | undefined;
  /** Today as YYYY-MM-DD (default: the service clock). */
  today?: string | undefined;
}

/** What is stale or overdue across every map of a workspace. */
export class AttentionService {
  constructor(
    private readonly journeys: JourneyService,
    private readonly settings: SettingsService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** The list for the workspace, or for one owner. */
  async list(ws: string, q: AttentionQuery = {}): Promise<AttentionReport> {
    const today = q.today ?? this.clock().slice(0, 10);
    const [maps, { health }] = await Promise.all([
      loadWorkspaceMaps(this.journeys, ws),
      this.settings.get(ws),
    ]);
    const ids = new Set<string>(maps.map((m) => m.id));
    const all = maps.flatMap((map) =>
      mapAttention(map, {
        today,
        config: health,
        ...(map.counterpartId ? { counterpartExists: ids.has(map.counterpartId) } : {}),
      }),
    );
    const items = sortAttention(
      all.filter(
        (i) =>
          (q.owner === undefined || sameOwner(i.owner, q.owner)) &&
          (q.kinds === undefined || q.kinds.includes(i.kind)),
      ),
    );
    return { today, mapCount: maps.length, counts: countByKind(items), owners: countByOwner(all), items };
  }
}
