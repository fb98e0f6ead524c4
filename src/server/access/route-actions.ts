import type { Action } from "./permissions.ts";

/**
 * Where a route's workspace comes from: `current` (the caller's current workspace: header
 * `X-Wayline-Workspace`, else their first), `path` (`/api/workspaces/:ws/…`), `user` (any
 * signed-in user, no workspace), `server` (the role in the default workspace, whose owners run
 * the server), `public` (no credentials; login, setup, reset) or `key` (a log's live-events write
 * key as Basic auth, checked by the handler; a session or token is not a write key).
 */
export type Scope = "current" | "path" | "user" | "public" | "server" | "key";

/** One route and the action of the permission table it needs. */
export interface RouteRule {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Hono path with `:params`. */
  path: string;
  scope: Scope;
  /** Required for `current`, `path` and `server` scopes. */
  action?: Action;
  /** A share link's holder may call it, on the link's map (`:id`) only. */
  shared?: true;
}

const cur = (method: RouteRule["method"], path: string, action: Action): RouteRule => ({
  method,
  path: `/api${path}`,
  scope: "current",
  action,
});

/** A `current` route that a share link's holder may call too (on its own map `:id`). */
const shr = (method: RouteRule["method"], path: string, action: Action): RouteRule => ({
  ...cur(method, path, action),
  shared: true,
});

/** Every `/api` route. The authorisation middleware refuses a request matching none (fail closed). */
export const ROUTE_ACTIONS: readonly RouteRule[] = [
  cur("GET", "/templates", "workspace.read"),
  cur("GET", "/settings", "workspace.read"),
  cur("PATCH", "/settings", "workspace.settings"),
  cur("GET", "/personas", "persona.read"),
  cur("POST", "/personas", "persona.write"),
  cur("GET", "/personas/:id", "persona.read"),
  cur("PATCH", "/personas/:id", "persona.write"),
  cur("DELETE", "/personas/:id", "persona.write"),
  cur("GET", "/journeys", "map.read"),
  cur("POST", "/journeys", "map.create"),
  cur("POST", "/journeys/import", "map.create"),
  shr("GET", "/journeys/:id", "map.read"),
  shr("PATCH", "/journeys/:id", "map.edit"),
  cur("DELETE", "/journeys/:id", "map.delete"),
  shr("POST", "/journeys/:id/commands", "map.edit"),
  shr("GET", "/journeys/:id/export", "map.read"),
  shr("GET", "/journeys/:id/check", "map.read"),
  shr("GET", "/journeys/:id/insights", "map.read"),
  shr("GET", "/journeys/:id/summary", "map.read"),
  cur("POST", "/journeys/:id/future-state", "map.create"),
  cur("GET", "/journeys/:id/compare/:otherId", "map.read"),
  cur("GET", "/journeys/:id/data", "map.read"),
  cur("GET", "/journeys/:id/data/durations", "map.read"),
  cur("POST", "/journeys/:id/data/kpis", "map.edit"),
  cur("GET", "/journeys/:id/surveys", "map.read"),
  cur("GET", "/journeys/:id/surveys/results", "map.read"),
  cur("GET", "/journeys/:id/surveys/themes", "map.read"),
  cur("POST", "/journeys/:id/surveys/themes/pain", "map.edit"),
  cur("GET", "/journeys/:id/tickets/themes", "map.read"),
  cur("POST", "/journeys/:id/tickets/themes/pain", "map.edit"),
  cur("POST", "/journeys/:id/surveys", "map.edit"),
  cur("DELETE", "/journeys/:id/surveys/:surveyId", "map.edit"),
  cur("GET", "/journeys/:id/versions", "map.read"),
  cur("POST", "/journeys/:id/versions", "map.edit"),
  cur("GET", "/journeys/:id/versions/:vid", "map.read"),
  cur("POST", "/journeys/:id/versions/:vid/restore", "map.edit"),
  cur("GET", "/journeys/:id/hierarchy", "map.read"),
  cur("GET", "/journeys/:id/access", "map.read"),
  cur("PUT", "/journeys/:id/access", "map.access"),
  cur("GET", "/journeys/:id/share-links", "map.share"),
  cur("POST", "/journeys/:id/share-links", "map.share"),
  cur("DELETE", "/journeys/:id/share-links/:linkId", "map.share"),
  // Opening a link: the link itself is the credential (checked by the share routes).
  // Live events: no session or token; the handler checks the log's write key (Basic auth).
  { method: "POST", path: "/v1/track", scope: "key" },
  { method: "POST", path: "/v1/page", scope: "key" },
  { method: "POST", path: "/v1/screen", scope: "key" },
  { method: "POST", path: "/v1/batch", scope: "key" },
  // analytics.js's short paths (track, page, screen, batch) and the calls accepted, not logged.
  ...["t", "p", "s", "b", "identify", "i", "group", "g", "alias", "a"].map(
    (p): RouteRule => ({ method: "POST", path: `/v1/${p}`, scope: "key" }),
  ),
  { method: "GET", path: "/api/share/:token", scope: "public" },
  { method: "POST", path: "/api/share/:token/unlock", scope: "public" },
  shr("GET", "/journeys/:id/comments", "map.read"),
  shr("GET", "/journeys/:id/comments/changes", "map.read"),
  shr("POST", "/journeys/:id/comments", "map.comment"),
  shr("POST", "/journeys/:id/comments/:threadId/replies", "map.comment"),
  shr("PATCH", "/journeys/:id/comments/:threadId", "map.comment"),
  shr("PATCH", "/journeys/:id/comments/:threadId/comments/:commentId", "map.comment"),
  shr("DELETE", "/journeys/:id/comments/:threadId/comments/:commentId", "map.comment"),
  cur("GET", "/journeys/:id/mentionable", "map.read"),
  cur("GET", "/journeys/:id/reviews", "map.read"),
  cur("POST", "/journeys/:id/reviews", "map.review"),
  cur("POST", "/journeys/:id/reviews/:reviewId/decision", "review.decide"),
  cur("POST", "/journeys/:id/reviews/:reviewId/cancel", "map.review"),
  shr("GET", "/journeys/:id/workshop", "map.read"),
  shr("POST", "/journeys/:id/workshop", "workshop.start"),
  shr("DELETE", "/journeys/:id/workshop", "workshop.stop"),
  shr("POST", "/journeys/:id/workshop/timer", "workshop.facilitate"),
  shr("POST", "/journeys/:id/workshop/agenda", "workshop.facilitate"),
  shr("POST", "/journeys/:id/workshop/follow", "workshop.facilitate"),
  shr("POST", "/journeys/:id/workshop/voting", "workshop.facilitate"),
  shr("POST", "/journeys/:id/workshop/reveal", "workshop.reveal"),
  shr("POST", "/journeys/:id/workshop/votes", "workshop.vote"),
  shr("POST", "/journeys/:id/workshop/notes", "workshop.note"),
  cur("GET", "/inbox", "inbox.read"),
  cur("GET", "/inbox/count", "inbox.read"),
  // Marking one's own items read is a write every member (viewers too) may make.
  cur("POST", "/inbox/read", "inbox.read"),
  cur("GET", "/journeys/:id/activity", "map.read"),
  cur("GET", "/activity", "map.read"),
  cur("GET", "/activity/actors", "map.read"),
  cur("GET", "/webhooks", "webhooks.manage"),
  cur("POST", "/webhooks", "webhooks.manage"),
  cur("GET", "/webhooks/:id", "webhooks.manage"),
  cur("PATCH", "/webhooks/:id", "webhooks.manage"),
  cur("DELETE", "/webhooks/:id", "webhooks.manage"),
  cur("POST", "/webhooks/:id/secret", "webhooks.manage"),
  cur("GET", "/webhooks/:id/deliveries", "webhooks.manage"),
  cur("POST", "/webhooks/:id/test", "webhooks.manage"),
  cur("GET", "/attention", "map.read"),
  cur("GET", "/atlas", "map.read"),
  cur("GET", "/portfolio", "map.read"),
  cur("GET", "/kpis", "map.read"),
  cur("PATCH", "/portfolio", "map.edit"),
  cur("GET", "/portfolio/similar", "map.read"),
  cur("POST", "/portfolio/similar", "map.edit"),
  cur("POST", "/uploads", "upload.create"),
  cur("GET", "/uploads/:id", "upload.read"),
  cur("GET", "/logs", "log.read"),
  cur("POST", "/logs", "log.write"),
  cur("GET", "/logs/:id", "log.read"),
  cur("DELETE", "/logs/:id", "log.write"),
  cur("GET", "/logs/:id/stats", "log.read"),
  cur("GET", "/logs/:id/write-key", "log.read"),
  cur("POST", "/logs/:id/write-key", "log.write"),
  cur("DELETE", "/logs/:id/write-key", "log.write"),
  cur("GET", "/logs/:id/variants", "log.read"),
  cur("GET", "/logs/:id/durations", "log.read"),
  cur("GET", "/logs/:id/dfg", "log.read"),
  cur("GET", "/logs/:id/paths", "log.read"),
  cur("GET", "/logs/:id/funnel", "log.read"),
  // Drafting is the first step of creating a map (and viewers never POST): map.create.
  cur("POST", "/logs/:id/draft-map", "map.create"),
  // Accounts mode answers it from the session; local and token modes from the identity.
  { method: "GET", path: "/api/auth/me", scope: "user" },
  { method: "GET", path: "/api/auth/setup", scope: "public" },
  { method: "POST", path: "/api/auth/setup", scope: "public" },
  { method: "POST", path: "/api/auth/login", scope: "public" },
  { method: "POST", path: "/api/auth/reset", scope: "public" },
  // Single sign-on: the provider's answer (state, PKCE, nonce) is the credential.
  { method: "GET", path: "/api/auth/sso", scope: "public" },
  { method: "GET", path: "/api/auth/sso/start", scope: "public" },
  { method: "GET", path: "/api/auth/sso/callback", scope: "public" },
  { method: "POST", path: "/api/auth/logout", scope: "user" },
  { method: "POST", path: "/api/auth/logout-all", scope: "user" },
  { method: "POST", path: "/api/auth/password", scope: "user" },
  { method: "POST", path: "/api/auth/reset-links", scope: "server", action: "server.admin" },
  { method: "GET", path: "/api/workspaces", scope: "user" },
  { method: "POST", path: "/api/workspaces", scope: "user" },
  { method: "GET", path: "/api/workspaces/:ws/members", scope: "path", action: "members.read" },
  { method: "PATCH", path: "/api/workspaces/:ws/members/:userId", scope: "path", action: "members.manage" },
  { method: "DELETE", path: "/api/workspaces/:ws/members/:userId", scope: "path", action: "members.manage" },
  { method: "GET", path: "/api/workspaces/:ws/invitations", scope: "path", action: "members.manage" },
  { method: "POST", path: "/api/workspaces/:ws/invitations", scope: "path", action: "members.manage" },
  { method: "DELETE", path: "/api/workspaces/:ws/invitations/:id", scope: "path", action: "members.manage" },
  { method: "GET", path: "/api/workspaces/:ws/tokens", scope: "path", action: "tokens.manage" },
  { method: "POST", path: "/api/workspaces/:ws/tokens", scope: "path", action: "tokens.manage" },
  { method: "DELETE", path: "/api/workspaces/:ws/tokens/:tokenId", scope: "path", action: "tokens.manage" },
  // Operations: readiness is public (probes carry no credentials and it names no secret);
  // metrics need admin in the default workspace or WAYLINE_METRICS_TOKEN (ops/routes.ts).
  { method: "GET", path: "/api/ready", scope: "public" },
  { method: "GET", path: "/metrics", scope: "server", action: "server.metrics" },
  { method: "GET", path: "/api/invitations/:token", scope: "user" },
  { method: "POST", path: "/api/invitations/:token/accept", scope: "user" },
  // Sign-up from an invitation link: the link is the credential (used up by the sign-up).
  { method: "GET", path: "/api/invitations/:token/signup", scope: "public" },
  { method: "POST", path: "/api/invitations/:token/signup", scope: "public" },
];

function compile(path: string): RegExp {
  const body = path
    .split("/")
    .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${body}/?$`);
}

const COMPILED = ROUTE_ACTIONS.map((r) => ({ rule: r, re: compile(r.path) }));

/** The `:params` of a request's path under its rule (the rule must match the path). */
export function paramsOf(rule: RouteRule, pathname: string): Record<string, string> {
  const want = rule.path.split("/");
  const got = pathname.replace(/\/$/, "").split("/");
  const out: Record<string, string> = {};
  want.forEach((seg, i) => {
    if (seg.startsWith(":")) out[seg.slice(1)] = decodeURIComponent(got[i] ?? "");
  });
  return out;
}

/** The rule of a request, or undefined when no route matches. Literal routes win over `:params`. */
export function ruleFor(method: string, pathname: string): RouteRule | undefined {
  const hits = COMPILED.filter((x) => x.rule.method === method && x.re.test(pathname));
  hits.sort((a, b) => (a.rule.path.match(/:/g)?.length ?? 0) - (b.rule.path.match(/:/g)?.length ?? 0));
  return hits[0]?.rule;
}
