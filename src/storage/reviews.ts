import type { Kysely } from "kysely";
import type { ReviewRow } from "./discussion-migration.ts";
import type { Database } from "./schema.ts";

/** Where a review request stands. */
export type ReviewStatus = "pending" | "approved" | "changes_requested" | "cancelled";
/** A reviewer's answer. */
export type ReviewDecision = "approved" | "changes_requested";

/** One reviewer of a request and their answer so far. */
export interface ReviewerState {
  userId: string;
  name: string;
  decision: ReviewDecision | null;
  /** What they wrote with their answer. */
  comment: string;
  decidedAt: string | null;
}

/** A stored review request. */
export interface StoredReview {
  id: string;
  journeyId: string;
  requestedBy: string;
  requestedByName: string;
  message: string;
  status: ReviewStatus;
  reviewers: ReviewerState[];
  /** The named version published on approval. */
  versionId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

const reviewOf = (r: ReviewRow): StoredReview => ({
  id: r.id,
  journeyId: r.journey_id,
  requestedBy: r.requested_by,
  requestedByName: r.requested_by_name,
  message: r.message,
  status: r.status as ReviewStatus,
  reviewers: JSON.parse(r.reviewers),
  versionId: r.version_id,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
});

/** Review requests of maps. */
export class ReviewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new request. */
  async insert(ws: string, r: StoredReview): Promise<void> {
    await this.db
      .insertInto("reviews")
      .values({
        id: r.id,
        workspace_id: ws,
        journey_id: r.journeyId,
        requested_by: r.requestedBy,
        requested_by_name: r.requestedByName,
        message: r.message,
        status: r.status,
        reviewers: JSON.stringify(r.reviewers),
        version_id: r.versionId,
        created_at: r.createdAt,
        decided_at: r.decidedAt,
      })
      .execute();
  }

  /** Reviews of a map, newest first. */
  async list(ws: string, journeyId: string): Promise<StoredReview[]> {
    const rows = await this.db
      .selectFrom("reviews")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("journey_id", "=", journeyId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map(reviewOf);
  }

  /** One review of a map, or null. */
  async get(ws: string, journeyId: string, id: string): Promise<StoredReview | null> {
    const r = await this.db
      .selectFrom("reviews")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("journey_id", "=", journeyId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? reviewOf(r) : null;
  }

  /** Writes a review's status, reviewers and outcome. */
  async update(r: StoredReview): Promise<void> {
    await this.db
      .updateTable("reviews")
      .set({
        status: r.status,
        reviewers: JSON.stringify(r.reviewers),
        version_id: r.versionId,
        decided_at: r.decidedAt,
      })
      .where("id", "=", r.id)
      .execute();
  }
}
