import { z } from "zod";
import { text } from "../domain/model/text.ts";

// Review and publish, `/api/journeys/:id/reviews…` (docs/api.md "Reviews").
export type { ReviewView } from "../services/reviews/review-service.ts";

/** Body of `POST /api/journeys/:id/reviews`. */
export const RequestReviewBody = z.strictObject({
  /** User ids of the members asked to review. */
  reviewers: z.array(text().min(1).max(200)).min(1).max(20),
  /** What to look at. */
  message: text().max(2000).default(""),
});

/** Body of `POST /api/journeys/:id/reviews/:reviewId/decision`. */
export const ReviewDecisionBody = z.strictObject({
  decision: z.enum(["approved", "changes_requested"]),
  /** Required when requesting changes. */
  comment: text().max(4000).default(""),
});
