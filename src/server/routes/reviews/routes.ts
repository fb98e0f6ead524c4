import { Hono } from "hono";
import { RequestReviewBody, ReviewDecisionBody, type ReviewView } from "../../../contract/reviews.ts";
import type { AppEnv } from "../../context.ts";
import { body } from "../../validate.ts";
import { commentAuthorOf } from "../comments/author.ts";

/** `/api/journeys/:id/reviews…`: request a review, answer it (the last approval publishes), cancel. */
export function reviewRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const actor = async (c: Parameters<typeof commentAuthorOf>[0]) => {
    const a = await commentAuthorOf(c);
    return { userId: a.userId, name: a.name };
  };
  r.get("/:id/reviews", async (c) =>
    c.json<ReviewView[]>(await c.var.services.reviews.list(c.var.workspaceId, c.req.param("id"))),
  );
  r.post("/:id/reviews", async (c) => {
    const b = await body(c, RequestReviewBody);
    const review = await c.var.services.reviews.request(
      c.var.workspaceId,
      c.req.param("id"),
      await actor(c),
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
      await actor(c),
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
