import { Hono } from "hono";
import {
  type ActivityActorsView,
  type ActivityPage,
  ActivityQuery,
  WorkspaceActivityQuery,
} from "../../../contract/activity.ts";
import type { AppEnv } from "../../context.ts";
import { query } from "../../validate.ts";

/** A date alone (`2026-12-01`) means its start (UTC); `to` of a date alone covers that whole day. */
const instant = (v: string | undefined, end = false) => {
  if (!v || v.includes("T")) return v;
  return end ? new Date(Date.parse(`${v}T00:00:00.000Z`) + 86_400_000).toISOString() : `${v}T00:00:00.000Z`;
};

/** `GET /api/journeys/:id/activity`: one map's activity log. */
export function mapActivityRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/:id/activity", async (c) => {
    const q = query(c, ActivityQuery);
    return c.json<ActivityPage>(
      await c.var.services.activity.listForMap(
        c.var.workspaceId,
        c.req.param("id"),
        { actorKey: q.member, kind: q.kind, from: instant(q.from), to: instant(q.to, true) },
        q.cursor,
        q.limit,
      ),
    );
  });
  return r;
}

/** `GET /api/activity…`: the current workspace's activity log and who appears in it. */
export function workspaceActivityRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const q = query(c, WorkspaceActivityQuery);
    return c.json<ActivityPage>(
      await c.var.services.activity.list(
        c.var.workspaceId,
        {
          journeyId: q.map,
          actorKey: q.member,
          kind: q.kind,
          from: instant(q.from),
          to: instant(q.to, true),
        },
        q.cursor,
        q.limit,
      ),
    );
  });
  r.get("/actors", async (c) =>
    c.json<ActivityActorsView>({ actors: await c.var.services.activity.actors(c.var.workspaceId) }),
  );
  return r;
}
