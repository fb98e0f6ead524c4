import { type Kysely, sql } from "kysely";
import type { CommentAuthor } from "../domain/comments/index.ts";
import type { Database } from "./schema.ts";
import type { ActivityRow } from "./webhooks-activity-migration.ts";

/** Who made a change: a member or share-link guest, or Wayline itself. */
export type ActivityActor = CommentAuthor | { kind: "system" };

/** One stored activity entry. */
export interface StoredActivity {
  id: string;
  workspaceId: string;
  journeyId: string;
  mapTitle: string;
  actor: ActivityActor;
  actorKey: string;
  kind: string;
  entityId: string;
  summary: string;
  /** Texts before and after (coalescing keeps the first `from`). */
  detail: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** Where a page starts: after the entry with this time and id (newest first). */
export interface ActivityCursor {
  createdAt: string;
  id: string;
}

/** Filters of a listing; every one is optional. */
export interface ActivityFilter {
  journeyId?: string | undefined;
  actorKey?: string | undefined;
  /** A kind family ("stage", "card" …) or an exact kind ("stage.renamed"). */
  kind?: string | undefined;
  /** Entries made at or after (ISO 8601). */
  from?: string | undefined;
  /** Entries made before (ISO 8601). */
  to?: string | undefined;
  /** Maps whose entries are left out (restricted away from the caller). */
  hiddenMaps?: readonly string[] | undefined;
}

const activityOf = (r: ActivityRow): StoredActivity => ({
  id: r.id,
  workspaceId: r.workspace_id,
  journeyId: r.journey_id,
  mapTitle: r.map_title,
  actor: JSON.parse(r.actor),
  actorKey: r.actor_key,
  kind: r.kind,
  entityId: r.entity_id,
  summary: r.summary,
  detail: JSON.parse(r.detail),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The activity log of every map of every workspace. */
export class ActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: StoredActivity): Promise<void> {
    await this.db
      .insertInto("activity")
      .values({
        id: a.id,
        workspace_id: a.workspaceId,
        journey_id: a.journeyId,
        map_title: a.mapTitle,
        actor: JSON.stringify(a.actor),
        actor_key: a.actorKey,
        kind: a.kind,
        entity_id: a.entityId,
        summary: a.summary,
        detail: JSON.stringify(a.detail),
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })
      .execute();
  }

  /** The newest entry of one actor, kind and entity on a map made at or after `since` (coalescing). */
  async latestOf(
    journeyId: string,
    actorKey: string,
    kind: string,
    entityId: string,
    since: string,
  ): Promise<StoredActivity | null> {
    const r = await this.db
      .selectFrom("activity")
      .selectAll()
      .where("journey_id", "=", journeyId)
      .where("actor_key", "=", actorKey)
      .where("kind", "=", kind)
      .where("entity_id", "=", entityId)
      .where("created_at", ">=", since)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
    return r ? activityOf(r) : null;
  }

  /** Folds a later edit into an entry (new summary and detail, time of the last edit). */
  async revise(
    id: string,
    summary: string,
    detail: Record<string, string>,
    updatedAt: string,
  ): Promise<void> {
    await this.db
      .updateTable("activity")
      .set({ summary, detail: JSON.stringify(detail), updated_at: updatedAt })
      .where("id", "=", id)
      .execute();
  }

  /** A workspace's entries, newest first, filtered, after `cursor`, at most `limit`. */
  async list(
    ws: string,
    filter: ActivityFilter,
    cursor: ActivityCursor | null,
    limit: number,
  ): Promise<StoredActivity[]> {
    let q = this.db.selectFrom("activity").selectAll().where("workspace_id", "=", ws);
    if (filter.journeyId) q = q.where("journey_id", "=", filter.journeyId);
    if (filter.actorKey) q = q.where("actor_key", "=", filter.actorKey);
    if (filter.kind)
      q = filter.kind.includes(".")
        ? q.where("kind", "=", filter.kind)
        : q.where("kind", "like", `${filter.kind}.%`);
    if (filter.from) q = q.where("created_at", ">=", filter.from);
    if (filter.to) q = q.where("created_at", "<", filter.to);
    if (filter.hiddenMaps?.length) q = q.where("journey_id", "not in", [...filter.hiddenMaps]);
    if (cursor)
      q = q.where((eb) =>
        eb.or([
          eb("created_at", "<", cursor.createdAt),
          eb.and([eb("created_at", "=", cursor.createdAt), eb("id", "<", cursor.id)]),
        ]),
      );
    const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows.map(activityOf);
  }

  /** The distinct actors of a workspace's entries (the member filter's choices), at most `limit`. */
  async actors(ws: string, limit: number): Promise<{ key: string; actor: ActivityActor }[]> {
    const rows = await this.db
      .selectFrom("activity")
      .select(["actor_key", sql<string>`max(actor)`.as("actor")])
      .where("workspace_id", "=", ws)
      .groupBy("actor_key")
      .orderBy("actor_key")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ key: r.actor_key, actor: JSON.parse(r.actor) }));
  }

  /**
   * Retention: deletes a workspace's entries made before `before`, and those beyond the newest
   * `keep`. Answers how many went.
   */
  async prune(ws: string, before: string, keep: number): Promise<number> {
    const old = await this.db
      .deleteFrom("activity")
      .where("workspace_id", "=", ws)
      .where("created_at", "<", before)
      .executeTakeFirst();
    let gone = Number(old.numDeletedRows);
    const edge = await this.db
      .selectFrom("activity")
      .select(["created_at", "id"])
      .where("workspace_id", "=", ws)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .offset(keep)
      .limit(1)
      .executeTakeFirst();
    if (edge) {
      const r = await this.db
        .deleteFrom("activity")
        .where("workspace_id", "=", ws)
        .where((eb) =>
          eb.or([
            eb("created_at", "<", edge.created_at),
            eb.and([eb("created_at", "=", edge.created_at), eb("id", "<=", edge.id)]),
          ]),
        )
        .executeTakeFirst();
      gone += Number(r.numDeletedRows);
    }
    return gone;
  }
}
