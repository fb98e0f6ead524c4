import { Hono } from "hono";
import { RequestReviewBody, ReviewDecisionBody, type ReviewView } from "../../../contract/reviews.ts";
import type { AppEnv } from "../../context.ts";
import { body } from "../../validate.ts";
import { memberOf } from "../comments/author.ts";

/** `/api/journeys/:id/reviews…`: request a review, answer it (the last approval publishes), cancel. */
export function reviewRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/reviews", async (c) =>
    c.json<ReviewView[]>(await c.var.services.reviews.list(c.var.workspaceId, c.req.param("id"))),
  );
  r.post("/:id/reviews", async (c) => {
    const b = await body(c, RequestReviewBody);
    const review = await c.var.services.reviews.request(
      c.var.workspaceId,
      c.req.param("id"),
      await memberOf(c),
      b.reviewers,
      b.message,
    );
    return c.json<ReviewView>(review, 201);
  });
  r.post("/:id/reviews/:reviewId/decision", async (c) => {
    const b = await body(c, ReviewDecisionBody);
    const review = await c.var.services.reviews.decide(
      c.var.workspaceId,
      c.req.param("id"),
      c.req.param("reviewId"),
      await memberOf(c),
      b.decision,
      b.comment,
    );
    return c.json<ReviewView>(review);
  });
  r.post("/:id/reviews/:reviewId/cancel", async (c) =>
    c.json<ReviewView>(
      await c.var.services.reviews.cancel(c.var.workspaceId, c.req.param("id"), c.req.param("reviewId")),
    ),
  );
  return r;
}
