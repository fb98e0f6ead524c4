import { Hono } from "hono";
import {
  DraftMapBody,
  type DraftMapProposal,
  DraftMapQuery,
  type DraftMapSaved,
} from "../../../contract/draft-map.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { present } from "../journeys/routes.ts";

/** `POST /api/logs/:id/draft-map`: a map drafted from a log; created only with `?save=1`. */
export function draftRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post("/:id/draft-map", async (c) => {
    const { save } = query(c, DraftMapQuery);
    const review = await body(c, DraftMapBody);
    const ws = c.var.workspaceId;
    const id = c.req.param("id");
    if (save !== "1" && save !== "true")
      return c.json<DraftMapProposal>(await c.var.services.drafts.propose(ws, id, review));
    const view = await c.var.services.drafts.save(ws, id, review);
    return c.json<DraftMapSaved>({ map: present(view) }, 201);
  });
  return r;
}
