import type { Kysely } from "kysely";
import { type JourneyMap, JourneyMapSchema } from "../domain/index.ts";
import type { Database } from "./schema.ts";

/** Why a version was taken. */
export type VersionKind = "auto" | "named" | "restore";

/** A saved version without its content (history listings). */
export interface VersionSummary {
  id: string;
  kind: VersionKind;
  label: string;
  /** The map's version number when it was taken. */
  mapVersion: number;
  /** Who edited since the previous version. */
  authors: string[];
  /** One line: what changed since the previous version. */
  summary: string;
  createdAt: string;
}

/** A saved version with its content. */
export interface StoredVersion extends VersionSummary {
  map: JourneyMap;
  /** Full Yjs state of the map at that moment. */
  state: Uint8Array;
}

/** What to store for a new version. */
export type NewVersion = Omit<StoredVersion, "map"> & { map: JourneyMap };

const LISTING = ["id", "kind", "label", "map_version", "authors", "summary", "created_at"] as const;

function summaryOf(r: {
  id: string;
  kind: string;
  label: string;
  map_version: number;
  authors: string;
  summary: string;
  created_at: string;
}): VersionSummary {
  return {
    id: r.id,
    kind: r.kind as VersionKind,
    label: r.label,
    mapVersion: r.map_version,
    authors: JSON.parse(r.authors),
    summary: r.summary,
    createdAt: r.created_at,
  };
}

/** Saved versions of maps (history): newest first, each with its Y state and plain snapshot. */
export class VersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a version of map `journeyId`. */
  async insert(workspaceId: string, journeyId: string, v: NewVersion): Promise<void> {
    await this.db
      .insertInto("journey_versions")
      .values({
        id: v.id,
        journey_id: journeyId,
        workspace_id: workspaceId,
        kind: v.kind,
        label: v.label,
        map_version: v.mapVersion,
        ydoc: v.state,
        snapshot: JSON.stringify(v.map),
        authors: JSON.stringify(v.authors),
        summary: v.summary,
        created_at: v.createdAt,
      })
      .execute();
  }

  /** Versions of a map, newest first. */
  async list(workspaceId: string, journeyId: string): Promise<VersionSummary[]> {
    const rows = await this.db
      .selectFrom("journey_versions")
      .select(LISTING)
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", journeyId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map(summaryOf);
  }

  /** One version with its content, or null. */
  async get(workspaceId: string, journeyId: string, id: string): Promise<StoredVersion | null> {
    const r = await this.db
      .selectFrom("journey_versions")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("journey_id", "=", journeyId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) return null;
    return {
      ...summaryOf(r),
      map: JourneyMapSchema.parse(JSON.parse(r.snapshot)),
      state: new Uint8Array(r.ydoc),
    };
  }

  /** The newest version of a map (any kind) with its content, or null. */
  async latest(workspaceId: string, journeyId: string): Promise<StoredVersion | null> {
    const top = (await this.list(workspaceId, journeyId))[0];
    return top ? this.get(workspaceId, journeyId, top.id) : null;
  }

  /**
   * Retention: deletes automatic versions of a map beyond the newest `keep` and those older than
   * `before` (ISO time). Named versions and those taken before a restore are kept.
   */
  async prune(journeyId: string, keep: number, before: string): Promise<number> {
    const autos = await this.db
      .selectFrom("journey_versions")
      .select(["id", "created_at"])
      .where("journey_id", "=", journeyId)
      .where("kind", "=", "auto")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    const doomed = autos.filter((a, i) => i >= keep || a.created_at < before).map((a) => a.id);
    if (doomed.length === 0) return 0;
    await this.db.deleteFrom("journey_versions").where("id", "in", doomed).execute();
    return doomed.length;
  }
}
