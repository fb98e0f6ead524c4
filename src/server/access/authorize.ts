import type { MiddlewareHandler } from "hono";
import { WaylineError } from "../../domain/index.ts";
import type { JourneyRepository } from "../../storage/journeys.ts";
import { type MapAccessRecord, withMapVisibility } from "../../storage/map-visibility.ts";
import type { Identity } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { type Action, can } from "./permissions.ts";
import { paramsOf, type RouteRule, ruleFor } from "./route-actions.ts";

/** The maps a rule's path names (`/api/journeys/:id…`, `:otherId`), by request path. */
function mapIdsOf(rule: RouteRule, pathname: string): string[] {
  if (!rule.path.startsWith("/api/journeys/:id")) return [];
  const p = paramsOf(rule, pathname);
  return [p.id, p.otherId].filter((x): x is string => x !== undefined);
}

/** Whether `who` may take `action` on one map, its access list included. */
export function canOnMap(who: Identity, action: Action, map: MapAccessRecord): boolean {
  return can(who, action, { workspaceId: map.workspaceId, mapId: map.id, access: map });
}

/**
 * Middleware of the workspace API: the request's route must be in `ROUTE_ACTIONS` (otherwise it
 * does not exist: 404) and the caller's role in the current workspace must allow its action
 * (otherwise 403). `user` routes only need an identity (already checked upstream). A share
 * link's holder reaches only the routes marked `shared`, on its own map (otherwise 404).
 * A map the caller may not see (a restricted map whose access list does not name them) answers
 * 404 on its routes, and every listing and read of the request skips it (`withMapVisibility`).
 */
export function authorize(maps: Pick<JourneyRepository, "accessOf">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const pathname = new URL(c.req.url).pathname;
    const rule = ruleFor(c.req.method, pathname);
    if (!rule || (rule.scope !== "current" && rule.scope !== "user"))
      throw new WaylineError("not_found", `no route for ${c.req.method} ${pathname}`);
    const who = c.var.identity;
    if (who.share) {
      // A share link's holder: only routes marked `shared`, only on the link's own map.
      const mapId = rule.shared ? paramsOf(rule, pathname).id : undefined;
      if (!rule.action || mapId !== who.share.mapId)
        throw new WaylineError("not_found", "a share link opens its own map only");
      if (!can(who, rule.action, { workspaceId: c.var.workspaceId, mapId }))
        throw new WaylineError("forbidden", `this share link (${who.role}) may not ${rule.action}`, {
          action: rule.action,
        });
      return next();
    }
    // A hidden map is not there, whatever the action (before the role check: 404, never 403).
    for (const id of mapIdsOf(rule, pathname)) {
      const map = await maps.accessOf(id);
      // Absent, of another workspace (the route answers that) or hidden: only hidden is ours.
      if (map && map.workspaceId === c.var.workspaceId && !canOnMap(who, "map.read", map))
        throw new WaylineError("not_found", `no journey map with id "${id}"`);
    }
    if (rule.action && !can(who, rule.action))
      throw new WaylineError("forbidden", `your role (${c.var.identity.role}) may not ${rule.action}`, {
        action: rule.action,
      });
    await withMapVisibility((m) => canOnMap(who, "map.read", m), next);
  };
}
