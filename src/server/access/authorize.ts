import type { MiddlewareHandler } from "hono";
import { WaylineError } from "../../domain/index.ts";
import type { AppEnv } from "../context.ts";
import { can } from "./permissions.ts";
import { ruleFor } from "./route-actions.ts";

/**
 * Middleware of the workspace API: the request's route must be in `ROUTE_ACTIONS` (otherwise it
 * does not exist: 404) and the caller's role in the current workspace must allow its action
 * (otherwise 403). `user` routes only need an identity (already checked upstream).
 */
export function authorize(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rule = ruleFor(c.req.method, new URL(c.req.url).pathname);
    if (!rule || (rule.scope !== "current" && rule.scope !== "user"))
      throw new WaylineError("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
    if (rule.action && !can(c.var.identity, rule.action))
      throw new WaylineError("forbidden", `your role (${c.var.identity.role}) may not ${rule.action}`, {
        action: rule.action,
      });
    await next();
  };
}
