import {
  type AttentionItem,
  type AttentionKind,
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

/** The needs-attention list of a workspace. */
export interface AttentionReport {
  /** The day the list was computed for (YYYY-MM-DD). */
  today: string;
  /** Number of maps looked at (archived ones included, they contribute nothing). */
  mapCount: number;
  /** Number of items per kind (after filters). */
  counts: Record<AttentionKind, number>;
  /** Items per owner over the whole workspace (before the owner filter), to pick an owner. */
  owners: { owner: string | null; count: number }[];
  /** The items, most urgent first. */
  items: AttentionItem[];
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
    const counts = {
      "pain-overdue": 0,
      "review-overdue": 0,
      "research-stale": 0,
      "pain-no-owner": 0,
      "future-state-missing": 0,
    } satisfies Record<AttentionKind, number>;
    for (const i of items) counts[i.kind]++;
    return { today, mapCount: maps.length, counts, owners: countByOwner(all), items };
  }
}
