import { compareMaps, type MapComparison } from "../../domain/analysis/index.ts";
import { newId, WaylineError } from "../../domain/index.ts";
import type { StoredJourney } from "../../storage/journeys.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { StoredVersion, VersionKind, VersionSummary } from "../../storage/versions.ts";
import type { JourneyService, JourneyView } from "../journey-service.ts";
import { replaceContent } from "./replace-content.ts";
import { changeSummary } from "./summary.ts";

/** How versions are taken and kept (WAYLINE_VERSION_* environment variables). */
export interface VersionPolicy {
  /** Minimum time between two automatic versions of a map while people edit (ms). */
  autoEveryMs: number;
  /** Automatic versions kept per map (newest first); named versions are always kept. */
  keepAuto: number;
  /** Automatic versions older than this are deleted (days). */
  keepDays: number;
}

/** Default policy: one automatic version per 10 minutes of activity, the last 200 kept for 90 days. */
export const DEFAULT_VERSION_POLICY: VersionPolicy = {
  autoEveryMs: 10 * 60_000,
  keepAuto: 200,
  keepDays: 90,
};

/** The policy from the environment (invalid values fall back to the defaults). */
export function versionPolicyFromEnv(env: NodeJS.ProcessEnv): VersionPolicy {
  const num = (v: string | undefined, d: number) =>
    v && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : d;
  return {
    autoEveryMs: num(env.WAYLINE_VERSION_EVERY_MINUTES, 10) * 60_000,
    keepAuto: num(env.WAYLINE_VERSION_KEEP, DEFAULT_VERSION_POLICY.keepAuto),
    keepDays: num(env.WAYLINE_VERSION_KEEP_DAYS, DEFAULT_VERSION_POLICY.keepDays),
  };
}

/** A version with its content and its difference from the map as it is now. */
export interface VersionDetail extends VersionSummary {
  map: StoredVersion["map"];
  /** The version as "current", the map now as "future": what changed since. */
  diffToNow: MapComparison;
}

/** Version history of maps: automatic and named versions, preview, diff against now, restore. */
export class VersionService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly clock: () => string = () => new Date().toISOString(),
    private readonly policy: VersionPolicy = DEFAULT_VERSION_POLICY,
  ) {}

  /** Versions of a map, newest first. */
  async list(ws: string, id: string): Promise<VersionSummary[]> {
    await this.mustGet(ws, id);
    return this.store.versions.list(ws, id);
  }

  /** Saves the map as it is stored now as a named version. */
  async create(ws: string, id: string, label: string, authors: string[] = []): Promise<VersionSummary> {
    return this.take(ws, await this.mustGet(ws, id), "named", label, authors);
  }

  /** One version with its content and its diff against the map now. */
  async get(ws: string, id: string, vid: string): Promise<VersionDetail> {
    const now = await this.mustGet(ws, id);
    const v = await this.store.versions.get(ws, id, vid);
    if (!v) throw new WaylineError("not_found", `no version "${vid}" of map "${id}"`);
    const { state: _s, ...rest } = v;
    return { ...rest, diffToNow: compareMaps(v.map, now.map) };
  }

  /**
   * Restores a version as a new change (live editors see it at once): the map as it was is kept
   * first as a "Before restoring …" version, so the restore can itself be undone by restoring that.
   */
  async restore(ws: string, id: string, vid: string, authors: string[] = []): Promise<JourneyView> {
    const v = await this.store.versions.get(ws, id, vid);
    if (!v) throw new WaylineError("not_found", `no version "${vid}" of map "${id}"`);
    await this.take(ws, await this.mustGet(ws, id), "restore", `Before restoring “${v.label}”`, authors);
    const now = this.clock();
    const out = await this.journeys.edit(ws, id, async (doc) => {
      const writes = replaceContent(doc, v.map, now);
      return { change: { reads: [], writes }, result: null };
    });
    if (!out) throw new WaylineError("not_found", `no journey map with id "${id}"`);
    return this.journeys.get(ws, id);
  }

  /**
   * Called after a live map was stored: takes an automatic version when the newest version is
   * older than the policy's interval (or there is none), then applies retention.
   */
  async recordActivity(ws: string, id: string, stored: StoredJourney, authors: string[]): Promise<boolean> {
    const latest = (await this.store.versions.list(ws, id))[0];
    const now = this.clock();
    if (latest && Date.parse(now) - Date.parse(latest.createdAt) < this.policy.autoEveryMs) return false;
    await this.take(ws, stored, "auto", "Automatic", authors);
    const before = new Date(Date.parse(now) - this.policy.keepDays * 86_400_000).toISOString();
    await this.store.versions.prune(id, this.policy.keepAuto, before);
    return true;
  }

  private async take(
    ws: string,
    stored: StoredJourney,
    kind: VersionKind,
    label: string,
    authors: string[],
  ): Promise<VersionSummary> {
    const previous = await this.store.versions.latest(ws, stored.map.id);
    const v = {
      id: newId(),
      kind,
      label,
      mapVersion: stored.version,
      authors: [...new Set(authors)].sort(),
      summary: changeSummary(previous?.map ?? null, stored.map),
      createdAt: this.clock(),
    };
    await this.store.versions.insert(ws, stored.map.id, { ...v, map: stored.map, state: stored.state });
    return v;
  }

  private async mustGet(ws: string, id: string): Promise<StoredJourney> {
    const stored = await this.store.journeys.get(ws, id);
    if (!stored) throw new WaylineError("not_found", `no journey map with id "${id}"`);
    return stored;
  }
}
