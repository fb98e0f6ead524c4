import { Hono } from "hono";
import { type MapAccessMember, MapAccessSchema, type MapAccessView } from "../../../contract/map-access.ts";
import { invalid, WaylineError } from "../../../domain/index.ts";
import type { Member } from "../../../storage/members.ts";
import type { Store } from "../../../storage/store.ts";
import { canOnMap } from "../../access/authorize.ts";
import type { AppEnv } from "../../context.ts";
import { body } from "../../validate.ts";

/** Who may open a map with this access list (asked of the permission table, member by member). */
function reach(members: Member[], ws: string, id: string, restricted: boolean, userIds: string[]) {
  const map = { id, workspaceId: ws, restricted, members: userIds };
  return members
    .filter((m) =>
      canOnMap({ name: m.email, role: m.role, workspaceId: ws, userId: m.userId }, "map.read", map),
    )
    .map(
      (m): MapAccessMember => ({
        userId: m.userId,
        email: m.email,
        name: m.name,
        role: m.role,
        via: !restricted ? "workspace" : userIds.includes(m.userId) ? "listed" : "role",
      }),
    );
}

/**
 * `/api/journeys/:id/access`: a map's access list. Reading it needs `map.read` (on a map the
 * caller may open); restricting or opening it needs `map.access`. Only members of the workspace
 * may be listed.
 */
export function mapAccessRoutes(store: Store): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const view = async (ws: string, id: string): Promise<MapAccessView> => {
    const map = await store.journeys.accessOf(id);
    if (!map || map.workspaceId !== ws) throw new WaylineError("not_found", `no journey map with id "${id}"`);
    const members = await store.members.list(ws);
    return {
      restricted: map.restricted,
      userIds: [...map.members],
      members: reach(members, ws, id, map.restricted, [...map.members]),
    };
  };
  r.get("/:id/access", async (c) => c.json<MapAccessView>(await view(c.var.workspaceId, c.req.param("id"))));
  r.put("/:id/access", async (c) => {
    const ws = c.var.workspaceId;
    const id = c.req.param("id");
    const input = await body(c, MapAccessSchema);
    await c.var.services.journeys.get(ws, id); // 404 for a map the caller may not open
    const members = new Set((await store.members.list(ws)).map((m) => m.userId));
    const userIds = [...new Set(input.userIds)];
    const problems = userIds
      .map((u, i) => ({ path: `userIds[${i}]`, message: `"${u}" is not a member of this workspace`, u }))
      .filter((p) => !members.has(p.u))
      .map(({ path, message }) => ({ path, message }));
    if (problems.length > 0) throw invalid("invalid_request", "access list", problems);
    await store.journeys.setAccess(ws, id, { restricted: input.restricted, members: userIds });
    return c.json<MapAccessView>(await view(ws, id));
  });
  return r;
}
