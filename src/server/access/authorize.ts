import type { MiddlewareHandler } from "hono";
import { WaylineError } from "../../domain/index.ts";
import type { AppEnv } from "../context.ts";
import { can } from "./permissions.ts";
import { paramsOf, ruleFor } from "./route-actions.ts";

/**
 * Middleware of the workspace API: the request's route must be in `ROUTE_ACTIONS` (otherwise it
 * does not exist: 404) and the caller's role in the current workspace must allow its action
 * (otherwise 403). `user` routes only need an identity (already checked upstream). A share
 * link's holder reaches only the routes marked `shared`, on its own map (otherwise 404).
 */
export function authorize(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rule = ruleFor(c.req.method, new URL(c.req.url).pathname);
    if (!rule || (rule.scope !== "current" && rule.scope !== "user"))
      throw new WaylineError("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
    const who = c.var.identity;
    if (who.share) {
      // A share link's holder: only routes marked `shared`, only on the link's own map.
      const mapId = rule.shared ? paramsOf(rule, new URL(c.req.url).pathname).id : undefined;
      if (!rule.action || mapId !== who.share.mapId)
        throw new WaylineError("not_found", "a share link opens its own map only");
      if (!can(who, rule.action, { workspaceId: c.var.workspaceId, mapId }))
        throw new WaylineError("forbidden", `this share link (${who.role}) may not ${rule.action}`, {
          action: rule.action,
        });
      return next();
    }
    if (rule.action && !can(who, rule.action))
      throw new WaylineError("forbidden", `your role (${c.var.identity.role}) may not ${rule.action}`, {
        action: rule.action,
      });
    await next();
  };
}
