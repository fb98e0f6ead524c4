import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** What the team decided about two similar pain points. */
export type PainLinkState = "linked" | "dismissed";

/**
 * Row of `pain_links`: a decision about two pain points of different maps, stored once per
 * unordered pair (side a is the one whose `map_id/card_id` sorts first).
 */
export interface PainLinkRow {
  workspace_id: string;
  a_map_id: string;
  a_card_id: string;
  b_map_id: string;
  b_card_id: string;
  state: PainLinkState;
  decided_at: string;
}

/** A pain point of some map. */
export interface PainRef {
  mapId: string;
  cardId: string;
}

/** A stored decision as services see it. */
export interface PainLink {
  a: PainRef;
  b: PainRef;
  state: PainLinkState;
  decidedAt: string;
}

/**
 * `0016_similar_pains`: links between pain points of different maps (and dismissed suggestions),
 * kept per workspace, outside the maps: a link joins two documents, and a dismissal is about the
 * suggestion, not about either map (docs/decisions.md, 2026-12-02).
 */
export async function createPainLinks(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("pain_links")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("a_map_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("a_card_id", "text", (c) => c.notNull())
    .addColumn("b_map_id", "text", (c) => c.notNull().references("journeys.id").onDelete("cascade"))
    .addColumn("b_card_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pain_links_pk", [
      "workspace_id",
      "a_map_id",
      "a_card_id",
      "b_map_id",
      "b_card_id",
    ])
    .execute();
}

const sideKey = (r: PainRef) => `${r.mapId}\u001f${r.cardId}`;

/** The pair in stored order (a sorts first). */
export function orderedPair(x: PainRef, y: PainRef): [PainRef, PainRef] {
  return sideKey(x) <= sideKey(y) ? [x, y] : [y, x];
}

/** Links and dismissed suggestions between pain points of a workspace. */
export class PainLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every decision of the workspace. */
  async list(workspaceId: string): Promise<PainLink[]> {
    const rows = await this.db
      .selectFrom("pain_links")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("decided_at")
      .execute();
    return rows.map((r) => ({
      a: { mapId: r.a_map_id, cardId: r.a_card_id },
      b: { mapId: r.b_map_id, cardId: r.b_card_id },
      state: r.state,
      decidedAt: r.decided_at,
    }));
  }

  /** Records (or replaces) the decision about a pair. */
  async set(workspaceId: string, x: PainRef, y: PainRef, state: PainLinkState, at: string): Promise<void> {
    const [a, b] = orderedPair(x, y);
    await this.db
      .insertInto("pain_links")
      .values({
        workspace_id: workspaceId,
        a_map_id: a.mapId,
        a_card_id: a.cardId,
        b_map_id: b.mapId,
        b_card_id: b.cardId,
        state,
        decided_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(["workspace_id", "a_map_id", "a_card_id", "b_map_id", "b_card_id"])
          .doUpdateSet({ state, decided_at: at }),
      )
      .execute();
  }

  /** Forgets the decision about a pair (the pair may be suggested again); true when there was one. */
  async remove(workspaceId: string, x: PainRef, y: PainRef): Promise<boolean> {
    const [a, b] = orderedPair(x, y);
    const r = await this.db
      .deleteFrom("pain_links")
      .where("workspace_id", "=", workspaceId)
      .where("a_map_id", "=", a.mapId)
      .where("a_card_id", "=", a.cardId)
      .where("b_map_id", "=", b.mapId)
      .where("b_card_id", "=", b.cardId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
