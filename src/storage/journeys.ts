import { type Kysely, sql } from "kysely";
import * as Y from "yjs";
import { fromYDoc, type JourneyMap, JourneyMapSchema, loadMapDoc, WaylineError } from "../domain/index.ts";
import type { Dialect } from "./dialect.ts";
import { type MapAccess, type MapAccessRecord, mapVisibility, parseMembers } from "./map-visibility.ts";
import type { Database, JourneyRow } from "./schema.ts";
import { inTransaction } from "./transaction.ts";

/** A stored map: its canonical document, plain snapshot and version. */
export interface StoredJourney {
  map: JourneyMap;
  version: number;
  state: Uint8Array;
}

/** One row of a map listing. */
export interface JourneySummary {
  id: string;
  title: string;
  kind: string;
  status: string;
  owner: string;
  tags: string[];
  personaIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Filters of a map listing. */
export interface JourneyFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  tag?: string | undefined;
  personaId?: string | undefined;
  limit: number;
  offset: number;
}

/** What an edit did, recorded per version for conflict detection. */
export interface ChangeRecord {
  /** Keys the edit read (e.g. `stage:s1`). */
  reads: readonly string[];
  /** Keys the edit wrote; later batches based on an older version conflict with these. */
  writes: readonly string[];
}

/**
 * A pure edit of a map's document: it changes `doc` (never storage) and says what it read and
 * wrote. Throwing aborts the update and stores nothing.
 */
export type JourneyEdit<T> = (doc: Y.Doc, current: StoredJourney) => { change: ChangeRecord; result: T };

function listingColumns(map: JourneyMap) {
  return {
    title: map.title,
    kind: map.kind,
    status: map.status,
    owner: map.owner,
    tags: JSON.stringify(map.tags),
    persona_ids: JSON.stringify(map.personaIds),
    snapshot: JSON.stringify(map),
    updated_at: map.updatedAt,
  };
}

function toSummary(r: Omit<JourneyRow, "ydoc" | "snapshot">): JourneySummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    owner: r.owner,
    tags: JSON.parse(r.tags),
    personaIds: JSON.parse(r.persona_ids),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Journey maps. The Yjs state (`ydoc`) is canonical; the JSON snapshot and listing columns are
 * derived from it on every save and serve reads and listings.
 *
 * The API for anything that edits documents (REST commands, collaboration):
 * - `get` loads a map's Y state, snapshot and version; `getForUpdate` does the same holding the
 *   row until the surrounding transaction ends (use it inside `store.transaction`).
 * - `saveVersion` stores a document as the next version: Y state + snapshot + version + the
 *   change record, only if the stored version is still the one the caller read (else `conflict`).
 * - `update` is the two together for a pure edit callback.
 * Bound to a transaction (through `store.transaction`) every method runs in it.
 */
export class JourneyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** Maps of a workspace, newest first, filtered. */
  async list(workspaceId: string, f: JourneyFilter): Promise<JourneySummary[]> {
    let q = this.db
      .selectFrom("journeys")
      .select([
        "id",
        "workspace_id",
        "title",
        "kind",
        "status",
        "owner",
        "tags",
        "persona_ids",
        "version",
        "created_at",
        "updated_at",
      ])
      .where("workspace_id", "=", workspaceId);
    const hidden = await this.hiddenIds(workspaceId);
    if (hidden.length > 0) q = q.where("id", "not in", hidden);
    if (f.q)
      q = q.where(
        sql<boolean>`lower(title) like ${`%${f.q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`} escape '\\'`,
      );
    if (f.kind) q = q.where("kind", "=", f.kind);
    if (f.status) q = q.where("status", "=", f.status);
    if (f.tag) q = q.where("tags", "like", `%${JSON.stringify(f.tag)}%`);
    if (f.personaId) q = q.where("persona_ids", "like", `%${JSON.stringify(f.personaId)}%`);
    const rows = await q
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return rows.map(toSummary);
  }

  /** A map with its Y state and version, or null. */
  get(workspaceId: string, id: string): Promise<StoredJourney | null> {
    return this.load(workspaceId, id, false);
  }

  /**
   * Like `get`, and locks the row (PostgreSQL `FOR UPDATE`; SQLite transactions are serialised)
   * until the surrounding transaction ends, so a read-modify-write cannot lose an update.
   */
  getForUpdate(workspaceId: string, id: string): Promise<StoredJourney | null> {
    return this.load(workspaceId, id, true);
  }

  private async load(workspaceId: string, id: string, lock: boolean): Promise<StoredJourney | null> {
    const row = await this.db
      .selectFrom("journeys")
      .select(["snapshot", "version", "ydoc", "restricted", "access_user_ids"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .$call((q) => (lock && this.dialect === "postgres" ? q.forUpdate() : q))
      .executeTakeFirst();
    if (!row) return null;
    const visible = mapVisibility();
    if (visible && !visible(accessRecord(id, workspaceId, row))) return null;
    return {
      map: JourneyMapSchema.parse(JSON.parse(row.snapshot)),
      version: row.version,
      state: new Uint8Array(row.ydoc),
    };
  }

  /** Stores a new map at version 1. */
  async insert(workspaceId: string, doc: Y.Doc): Promise<StoredJourney> {
    const map = fromYDoc(doc);
    const state = Y.encodeStateAsUpdate(doc);
    await this.db
      .insertInto("journeys")
      .values({
        id: map.id,
        workspace_id: workspaceId,
        version: 1,
        ydoc: state,
        created_at: map.createdAt,
        ...listingColumns(map),
      })
      .execute();
    return { map, version: 1, state };
  }

  /**
   * Stores `doc` as version `previousVersion + 1` of the map: its Y state, the snapshot and
   * listing columns derived from it, and `change`. `conflict` when the stored version is no
   * longer `previousVersion` (someone saved in between); `not_found` when the map is gone.
   */
  saveVersion(
    workspaceId: string,
    id: string,
    doc: Y.Doc,
    previousVersion: number,
    change: ChangeRecord,
  ): Promise<StoredJourney> {
    const map = fromYDoc(doc);
    const state = Y.encodeStateAsUpdate(doc);
    const version = previousVersion + 1;
    return inTransaction(this.db, async (tx) => {
      const r = await tx
        .updateTable("journeys")
        .set({ ...listingColumns(map), version, ydoc: state })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .where("version", "=", previousVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw await this.staleSave(tx, workspaceId, id, previousVersion);
      await tx
        .insertInto("journey_changes")
        .values({
          journey_id: id,
          version,
          reads: JSON.stringify(change.reads),
          writes: JSON.stringify(change.writes),
          created_at: map.updatedAt,
        })
        .execute();
      return { map, version, state };
    });
  }

  private async staleSave(tx: Kysely<Database>, ws: string, id: string, expected: number) {
    const row = await tx
      .selectFrom("journeys")
      .select("version")
      .where("workspace_id", "=", ws)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return new WaylineError("not_found", `no journey map with id "${id}"`);
    return new WaylineError("conflict", `the map is at version ${row.version}, not ${expected}`, {
      currentVersion: row.version,
      conflicts: [],
    });
  }

  /**
   * Runs the pure `edit` on the map's document while holding the row and stores the result as
   * the next version; null when the map does not exist. If `edit` throws, nothing is stored.
   */
  update<T>(
    workspaceId: string,
    id: string,
    edit: JourneyEdit<T>,
  ): Promise<{ stored: StoredJourney; result: T } | null> {
    return inTransaction(this.db, async (tx) => {
      const repo = new JourneyRepository(tx, this.dialect);
      const current = await repo.getForUpdate(workspaceId, id);
      if (!current) return null;
      const doc = loadMapDoc(current.state); // older layouts are upgraded with this version
      const { change, result } = edit(doc, current);
      return { stored: await repo.saveVersion(workspaceId, id, doc, current.version, change), result };
    });
  }

  /** Keys written by the versions after `version` (for conflict detection). */
  async writesSince(id: string, version: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("journey_changes")
      .select("writes")
      .where("journey_id", "=", id)
      .where("version", ">", version)
      .orderBy("version")
      .execute();
    return rows.flatMap((r) => JSON.parse(r.writes) as string[]);
  }

  /** Deletes a map and its change records; true when it existed. */
  delete(workspaceId: string, id: string): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const r = await tx
        .deleteFrom("journeys")
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      await tx.deleteFrom("journey_changes").where("journey_id", "=", id).execute();
      return true;
    });
  }

  /** The stored version of each of `ids` that exists (one query; callers keep `ids` short). */
  async versionsOf(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("journeys")
      .select(["id", "version"])
      .where("id", "in", [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  /** The workspace a map lives in (map ids are global), or null when there is no such map. */
  async workspaceOf(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("journeys")
      .select("workspace_id")
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.workspace_id ?? null;
  }

  /**
   * Ids of the workspace's maps that the current caller may not see (`withMapVisibility`); empty
   * when no visibility is set. Only restricted maps are asked about.
   */
  async hiddenIds(workspaceId: string): Promise<string[]> {
    const visible = mapVisibility();
    if (!visible) return [];
    const rows = await this.db
      .selectFrom("journeys")
      .select(["id", "restricted", "access_user_ids"])
      .where("workspace_id", "=", workspaceId)
      .where("restricted", "=", 1)
      .execute();
    return rows.filter((r) => !visible(accessRecord(r.id, workspaceId, r))).map((r) => r.id);
  }

  /** True when the current caller may not see this map (`withMapVisibility`); false when absent. */
  async hidden(workspaceId: string, id: string): Promise<boolean> {
    const visible = mapVisibility();
    if (!visible) return false;
    const map = await this.accessOf(id);
    return map !== null && map.workspaceId === workspaceId && !visible(map);
  }

  /** A map's workspace and access list (map ids are global), or null when there is no such map. */
  async accessOf(id: string): Promise<MapAccessRecord | null> {
    const row = await this.db
      .selectFrom("journeys")
      .select(["workspace_id", "restricted", "access_user_ids"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? accessRecord(id, row.workspace_id, row) : null;
  }

  /** Replaces a map's access list; false when the map does not exist in the workspace. */
  async setAccess(workspaceId: string, id: string, access: MapAccess): Promise<boolean> {
    const r = await this.db
      .updateTable("journeys")
      .set({ restricted: access.restricted ? 1 : 0, access_user_ids: JSON.stringify([...access.members]) })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** True when an id is taken (in any workspace: map ids are global). */
  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom("journeys").select("id").where("id", "=", id).executeTakeFirst());
  }
}

function accessRecord(
  id: string,
  workspaceId: string,
  r: { restricted?: number | null; access_user_ids?: string | null },
): MapAccessRecord {
  return {
    id,
    workspaceId,
    restricted: Number(r.restricted ?? 0) === 1,
    members: parseMembers(r.access_user_ids),
  };
}
