import type { MiddlewareHandler } from "hono";
import { ruleFor } from "../access/route-actions.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";

/** Routes outside the permission table's `/api` rules, by their literal path. */
const OWN_ROUTES = new Set(["/api/health", "/api/ready", "/metrics"]);

/**
 * The route template of a request, for logs and metric labels: the permission table's path
 * (`/api/journeys/:id`), so ids, tokens in paths and random probes never become labels.
 */
export function routeTemplate(method: string, pathname: string): string {
  if (OWN_ROUTES.has(pathname)) return pathname;
  const rule = ruleFor(method, pathname);
  if (rule) return rule.path;
  if (pathname === "/collab" || pathname.startsWith("/collab/")) return "/collab";
  return pathname.startsWith("/api") ? "(unmatched /api)" : "(web app)";
}

/**
 * Middleware: one structured log line and one metric sample per answered request — method,
 * route template, status, duration. Never the query string, headers or body.
 */
export function observeRequests(logger: Logger, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routeTemplate(c.req.method, new URL(c.req.url).pathname);
      const status = c.res.status;
      metrics.observe(c.req.method, route, status, seconds);
      const line = { method: c.req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10 };
      if (status >= 500) logger.error(line, "request failed");
      else logger.info(line, "request");
    }
  };
}
