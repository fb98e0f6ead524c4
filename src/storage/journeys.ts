import { type Kysely, sql, type Transaction } from "kysely";
import * as Y from "yjs";
import { fromYDoc, type JourneyMap, JourneyMapSchema } from "../domain/index.ts";
import type { Dialect } from "./database.ts";
import type { Database, JourneyRow } from "./schema.ts";

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
  reads: readonly string[];
  writes: readonly string[];
}

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

/** Journey maps: the Yjs state is canonical; the JSON snapshot serves reads and listings. */
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

  /** A map with its state, or null. */
  async get(workspaceId: string, id: string, db: Kysely<Database> = this.db): Promise<StoredJourney | null> {
    const row = await db
      .selectFrom("journeys")
      .select(["snapshot", "version", "ydoc"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      map: JourneyMapSchema.parse(JSON.parse(row.snapshot)),
      version: row.version,
      state: new Uint8Array(row.ydoc),
    };
  }

  /** Stores a new map at version 1. */
  async insert(workspaceId: string, doc: Y.Doc, db: Kysely<Database> = this.db): Promise<StoredJourney> {
    const map = fromYDoc(doc);
    const state = Y.encodeStateAsUpdate(doc);
    await db
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
   * Runs `edit` on the map's document inside a transaction holding the row lock and stores the
   * result as the next version. If `edit` throws, nothing is stored.
   */
  async update<T>(
    workspaceId: string,
    id: string,
    edit: (
      doc: Y.Doc,
      current: StoredJourney,
      tx: Transaction<Database>,
    ) => Promise<{ change: ChangeRecord; result: T }>,
  ): Promise<{ stored: StoredJourney; result: T } | null> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom("journeys")
        .select(["snapshot", "version", "ydoc"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .$call((q) => (this.dialect === "postgres" ? q.forUpdate() : q))
        .executeTakeFirst();
      if (!row) return null;
      const current = {
        map: JSON.parse(row.snapshot),
        version: row.version,
        state: new Uint8Array(row.ydoc),
      };
      const doc = new Y.Doc();
      Y.applyUpdate(doc, current.state);
      const { change, result } = await edit(doc, current, tx);
      const map = fromYDoc(doc);
      const state = Y.encodeStateAsUpdate(doc);
      const version = row.version + 1;
      await tx
        .updateTable("journeys")
        .set({ ...listingColumns(map), version, ydoc: state })
        .where("id", "=", id)
        .execute();
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
      return { stored: { map, version, state }, result };
    });
  }

  /** Keys written by the versions after `version` (for conflict detection). */
  async writesSince(id: string, version: number, db: Kysely<Database> = this.db): Promise<string[]> {
    const rows = await db
      .selectFrom("journey_changes")
      .select("writes")
      .where("journey_id", "=", id)
      .where("version", ">", version)
      .execute();
    return rows.flatMap((r) => JSON.parse(r.writes) as string[]);
  }

  /** Deletes a map; true when it existed. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("journey_changes").where("journey_id", "=", id).execute();
      await tx.deleteFrom("surveys").where("journey_id", "=", id).execute();
      const r = await tx
        .deleteFrom("journeys")
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  /** True when an id is taken. */
  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom("journeys").select("id").where("id", "=", id).executeTakeFirst());
  }
}
