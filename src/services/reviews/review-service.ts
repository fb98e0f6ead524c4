import { invalid, newId, WaylineError } from "../../domain/index.ts";
import { atLeast } from "../../domain/roles.ts";
import type { ReviewDecision, StoredReview } from "../../storage/reviews.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { CommentService } from "../comments/comment-service.ts";
import type { EventBus } from "../events/events.ts";
import type { JourneyService } from "../journey-service.ts";
import type { VersionService } from "../versions/version-service.ts";

/** Most reviewers one request may name. */
export const MAX_REVIEWERS = 20;

/** The member asking or answering. */
export interface ReviewActor {
  userId: string;
  name: string;
}

/** A review request as the API answers it. */
export type ReviewView = StoredReview;

/**
 * Review and publish: an editor asks members for a review (the map goes "in review"); each
 * reviewer approves or requests changes with a comment. Changes requested end the review (the map
 * goes back to draft); when every reviewer approved, the map is published: status published, the
 * last-reviewed date set to today and a named version "Published …" saved.
 */
export class ReviewService {
  constructor(
    private readonly store: UnitOfWork,
    private readonly journeys: JourneyService,
    private readonly versions: VersionService,
    private readonly comments: CommentService,
    private readonly events: EventBus,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Review requests of a map, newest first. */
  async list(ws: string, journeyId: string): Promise<ReviewView[]> {
    await this.journeys.get(ws, journeyId);
    return this.store.reviews.list(ws, journeyId);
  }

  /** Asks `reviewerIds` (members who may comment, not the requester) to review the map. */
  async request(ws: string, journeyId: string, by: ReviewActor, reviewerIds: string[], message: string) {
    const view = await this.journeys.get(ws, journeyId);
    const ids = [...new Set(reviewerIds)];
    if (ids.length === 0 || ids.length > MAX_REVIEWERS)
      throw invalid("invalid_request", "a review needs reviewers", [
        { path: "body.reviewers", message: `name 1 to ${MAX_REVIEWERS} members` },
      ]);
    const members = new Map((await this.store.members.list(ws)).map((m) => [m.userId, m]));
    const reviewers = ids.map((id, i) => {
      const m = members.get(id);
      const path = `body.reviewers[${i}]`;
      if (!m)
        throw invalid("invalid_request", "reviewers must be members", [
          { path, message: `no member "${id}"` },
        ]);
      if (id === by.userId)
        throw invalid("invalid_request", "ask someone else", [
          { path, message: "you cannot review your own request" },
        ]);
      if (!atLeast(m.role, "commenter"))
        throw invalid("invalid_request", "reviewers must be able to comment", [
          { path, message: `${m.name} is a ${m.role}` },
        ]);
      return { userId: id, name: m.name, decision: null, comment: "", decidedAt: null };
    });
    const pending = (await this.store.reviews.list(ws, journeyId)).find((r) => r.status === "pending");
    if (pending)
      throw new WaylineError("conflict", "this map already has a review in progress; cancel it first", {
        reviewId: pending.id,
      });
    const now = this.clock();
    const review: StoredReview = {
      id: newId(),
      journeyId,
      requestedBy: by.userId,
      requestedByName: by.name,
      message,
      status: "pending",
      reviewers,
      versionId: null,
      createdAt: now,
      decidedAt: null,
    };
    await this.store.reviews.insert(ws, review);
    if (view.map.status !== "in_review") await this.journeys.patch(ws, journeyId, { status: "in_review" });
    await this.events.publish({
      type: "review.requested",
      workspaceId: ws,
      journeyId,
      mapTitle: view.map.title,
      at: now,
      actor: { kind: "member", userId: by.userId, name: by.name },
      reviewId: review.id,
      reviewers: ids,
      message,
    });
    return review;
  }

  /** A named reviewer's answer; the last approval publishes the map. */
  async decide(
    ws: string,
    journeyId: string,
    reviewId: string,
    by: ReviewActor,
    decision: ReviewDecision,
    comment: string,
  ): Promise<ReviewView> {
    const view = await this.journeys.get(ws, journeyId);
    const review = await this.mustGet(ws, journeyId, reviewId);
    if (review.status !== "pending")
      throw new WaylineError(
        "conflict",
        `this review is ${review.status.replace("_", " ")}, not waiting for answers`,
      );
    const me = review.reviewers.find((r) => r.userId === by.userId);
    if (!me) throw new WaylineError("forbidden", "only the reviewers named in the request may answer it");
    if (me.decision)
      throw new WaylineError("conflict", `you already answered (${me.decision.replace("_", " ")})`);
    if (decision === "changes_requested" && !comment.trim())
      throw invalid("invalid_request", "say what should change", [
        { path: "body.comment", message: "a comment is required when requesting changes" },
      ]);
    const now = this.clock();
    Object.assign(me, { decision, comment, decidedAt: now });
    const actor = { kind: "member" as const, userId: by.userId, name: by.name };
    if (comment.trim())
      await this.comments.start(ws, journeyId, actor, { kind: "map" }, reviewComment(decision, comment));
    if (decision === "changes_requested") {
      Object.assign(review, { status: "changes_requested", decidedAt: now });
      await this.store.reviews.update(review);
      await this.journeys.patch(ws, journeyId, { status: "draft" });
    } else if (review.reviewers.every((r) => r.decision === "approved")) {
      await this.journeys.patch(ws, journeyId, { status: "published", lastReviewedAt: now.slice(0, 10) });
      const names = review.reviewers.map((r) => r.name);
      const v = await this.versions.create(
        ws,
        journeyId,
        `Published ${now.slice(0, 10)} (approved by ${names.join(", ")})`,
        names,
      );
      Object.assign(review, { status: "approved", decidedAt: now, versionId: v.id });
      await this.store.reviews.update(review);
    } else await this.store.reviews.update(review);
    await this.events.publish({
      type: decision === "approved" ? "review.approved" : "review.changes_requested",
      workspaceId: ws,
      journeyId,
      mapTitle: view.map.title,
      at: now,
      actor,
      reviewId,
      requestedBy: review.requestedBy,
      comment,
    });
    if ((review.status as string) === "approved" && review.versionId)
      await this.events.publish({
        type: "map.published",
        workspaceId: ws,
        journeyId,
        mapTitle: view.map.title,
        at: now,
        actor,
        reviewId,
        versionId: review.versionId,
        requestedBy: review.requestedBy,
      });
    return review;
  }

  /** Withdraws a pending review; the map goes back to draft. */
  async cancel(ws: string, journeyId: string, reviewId: string): Promise<ReviewView> {
    const review = await this.mustGet(ws, journeyId, reviewId);
    if (review.status !== "pending")
      throw new WaylineError("conflict", `this review is already ${review.status}`);
    Object.assign(review, { status: "cancelled", decidedAt: this.clock() });
    await this.store.reviews.update(review);
    await this.journeys.patch(ws, journeyId, { status: "draft" });
    return review;
  }

  private async mustGet(ws: string, journeyId: string, id: string): Promise<StoredReview> {
    const r = await this.store.reviews.get(ws, journeyId, id);
    if (!r) throw new WaylineError("not_found", `no review "${id}" of map "${journeyId}"`);
    return r;
  }
}

function reviewComment(decision: ReviewDecision, comment: string): string {
  const head = decision === "approved" ? "Approved the review" : "Requested changes";
  return `${head}: ${comment.trim()}`.slice(0, 5000);
}
