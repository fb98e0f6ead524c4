import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { listTemplates } from "../domain/templates/index.ts";
import { runAs } from "../services/activity/actor-context.ts";
import { createServices } from "../services/services.ts";
import type { Store } from "../storage/store.ts";
import { DEFAULT_WORKSPACE_ID } from "../storage/workspaces.ts";
import { authorize } from "./access/authorize.ts";
import type { AccountsOptions } from "./accounts/session.ts";
import { type Authenticator, requireIdentity } from "./auth.ts";
import type { AppEnv, Services } from "./context.ts";
import { onErrorWith, onNotFound } from "./errors.ts";
import { type Logger, silentLogger } from "./ops/logger.ts";
import { Metrics } from "./ops/metrics.ts";
import { observeRequests } from "./ops/observe.ts";
import { readyTimeoutFromEnv } from "./ops/ready.ts";
import { mountOpsRoutes } from "./ops/routes.ts";
import { authFailuresFromEnv, rateLimit, rateLimitFromEnv } from "./rate-limit.ts";
import { requireWellFormedUrl } from "./request-guard.ts";
import { mapActivityRoutes, workspaceActivityRoutes } from "./routes/activity/routes.ts";
import { analysisRoutes } from "./routes/analysis/routes.ts";
import { atlasRoutes } from "./routes/atlas/routes.ts";
import { attentionRoutes } from "./routes/attention/routes.ts";
import { authRoutes } from "./routes/auth/routes.ts";
import { commentAuthorOf } from "./routes/comments/author.ts";
import { commentRoutes } from "./routes/comments/routes.ts";
import { hierarchyRoutes } from "./routes/hierarchy/routes.ts";
import { inboxRoutes } from "./routes/inbox/routes.ts";
import { journeyRoutes } from "./routes/journeys/routes.ts";
import { kpiRoutes } from "./routes/kpis/routes.ts";
import { draftRoutes } from "./routes/logs/draft-routes.ts";
import { mapDataRoutes } from "./routes/logs/map-data-routes.ts";
import { logRoutes } from "./routes/logs/routes.ts";
import { mapAccessRoutes } from "./routes/map-access/routes.ts";
import { personaRoutes } from "./routes/personas/routes.ts";
import { portfolioRoutes } from "./routes/portfolio/routes.ts";
import { reviewRoutes } from "./routes/reviews/routes.ts";
import { settingsRoutes } from "./routes/settings/routes.ts";
import { publicShareRoutes, shareLinkRoutes } from "./routes/share/routes.ts";
import { surveyRoutes } from "./routes/surveys/routes.ts";
import { themeRoutes } from "./routes/surveys/theme-routes.ts";
import { sandboxUploads, uploadRoutes } from "./routes/uploads/routes.ts";
import { versionRoutes } from "./routes/versions/routes.ts";
import { webhookRoutes } from "./routes/webhooks/routes.ts";
import { workshopRoutes } from "./routes/workshop/routes.ts";
import { teamRoutes } from "./routes/workspaces/routes.ts";
import { withShareLinks } from "./share/share-authenticator.ts";
import { requirePreflightedWrites } from "./write-guard.ts";

/** Whether maps may show images from other sites (`WAYLINE_REMOTE_IMAGES=1`; default off). */
export function remoteImagesFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WAYLINE_REMOTE_IMAGES === "1" || env.WAYLINE_REMOTE_IMAGES === "true";
}

/**
 * Who may frame `/embed/<token>` pages: `WAYLINE_EMBED_ANCESTORS` (a CSP source list such as
 * `https://intranet.example.com`), default `https: http:` (any web page; the link is the secret).
 */
export function embedAncestorsFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const v = env.WAYLINE_EMBED_ANCESTORS?.trim();
  return v && /^[\w\s:/.*'-]+$/.test(v) ? v : "https: http:";
}

/**
 * Content-Security-Policy of every answer: scripts only from Wayline itself (the built UI has no
 * inline script), so user text that ever slipped into markup could not run; inline styles are
 * allowed for React's style attributes and the sandboxed summary preview. Images come from
 * Wayline and `data:` URLs only, so a map cannot make its viewers' browsers fetch a tracking pixel;
 * `remoteImages` (an explicit opt-in) adds `https:`.
 */
const contentSecurityPolicy = (remoteImages: boolean) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: remoteImages ? ["'self'", "data:", "https:"] : ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", "data:"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
});

/** What the app needs. */
export interface AppOptions {
  store: Store;
  auth: Authenticator;
  clock?: () => string;
  /** Requests per minute per identity (default from WAYLINE_RATE_LIMIT, 1200; 0 = off). */
  rateLimitPerMinute?: number;
  /** Failed authentications per minute per address (default from WAYLINE_AUTH_FAILURES, 20; 0 = off). */
  authFailuresPerMinute?: number;
  /** ClickHouse for new workspace logs (CLICKHOUSE_URL); embedded DuckDB files when absent. */
  clickhouseUrl?: string | undefined;
  /** Folder for the workspace's event-log databases (`<dataDir>/logs`); default ./data. */
  dataDir?: string;
  /** Let maps show images from other sites (default from WAYLINE_REMOTE_IMAGES; off). */
  remoteImages?: boolean;
  /** Accounts mode (`WAYLINE_AUTH=accounts`): login, sessions, workspaces and members routes. */
  accounts?: AccountsOptions;
  /** Structured request and error logs (default: silent). */
  logger?: Logger;
  /** Prometheus metrics of this server (default: a registry of its own). */
  metrics?: Metrics;
  /** Redis checked by /api/ready when set (REDIS_URL). */
  redisUrl?: string | undefined;
  /** Bearer value that may read /metrics (default from WAYLINE_METRICS_TOKEN). */
  metricsToken?: string | undefined;
}

/** The HTTP app: `/api/*` JSON routes. Static UI files are mounted by `serve.ts`. */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  return createAppWithServices(opts).app;
}

/** The app, the services behind it (the server closes them on shutdown) and its metrics. */
export function createAppWithServices(opts: AppOptions): {
  app: Hono<AppEnv>;
  services: Services;
  metrics: Metrics;
} {
  const services = createServices({
    store: opts.store,
    dataDir: opts.dataDir,
    clickhouseUrl: opts.clickhouseUrl,
    clock: opts.clock,
  });
  const logger = opts.logger ?? silentLogger;
  const metrics = opts.metrics ?? new Metrics();
  services.logs.onImported = (rows, seconds) => {
    metrics.importRows.inc(rows);
    metrics.importSeconds.inc(seconds);
    metrics.imports.inc({ outcome: "ok" });
  };
  services.logs.onImportFailed = () => metrics.imports.inc({ outcome: "failed" });
  const app = new Hono<AppEnv>();
  app.onError(onErrorWith(logger));
  app.notFound(onNotFound);
  app.use("*", observeRequests(logger, metrics));
  app.use("/api/uploads/*", sandboxUploads());
  // `/embed/<token>` is made to be framed by other sites: only there frame-ancestors opens up
  // (WAYLINE_EMBED_ANCESTORS, default any https/http page) and X-Frame-Options is dropped.
  app.use("/embed/*", async (c, next) => {
    await next();
    const csp = c.res.headers.get("content-security-policy");
    if (csp)
      c.res.headers.set(
        "content-security-policy",
        csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${embedAncestorsFromEnv()}`),
      );
    c.res.headers.delete("x-frame-options");
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: contentSecurityPolicy(opts.remoteImages ?? remoteImagesFromEnv()),
    }),
  );
  app.use("*", requireWellFormedUrl());
  mountOpsRoutes(app, {
    auth: opts.auth,
    metrics,
    metricsToken: opts.metricsToken ?? (process.env.WAYLINE_METRICS_TOKEN || undefined),
    ready: {
      store: opts.store,
      redisUrl: opts.redisUrl,
      clickhouseUrl: opts.clickhouseUrl,
      timeoutMs: readyTimeoutFromEnv(),
    },
  });
  const now = () => (opts.clock ? new Date(opts.clock()) : new Date());
  app.route("/api/share", publicShareRoutes(opts.store, now));
  if (opts.accounts) {
    app.route("/api/auth", authRoutes(opts.accounts));
    app.route("/api", teamRoutes(opts.accounts));
  }
  const api = new Hono<AppEnv>();
  const auth = withShareLinks(opts.store, opts.auth, now);
  api.use("*", requireIdentity(auth, opts.authFailuresPerMinute ?? authFailuresFromEnv()));
  api.use("*", requirePreflightedWrites());
  api.use("*", rateLimit(opts.rateLimitPerMinute ?? rateLimitFromEnv()));
  api.use("*", async (c, next) => {
    c.set("workspaceId", c.var.identity.workspaceId ?? DEFAULT_WORKSPACE_ID);
    c.set("services", services);
    // Map edits made by this request are recorded in the activity log as the caller's.
    let actor: ReturnType<typeof commentAuthorOf> | undefined;
    await runAs(() => (actor ??= commentAuthorOf(c)), next);
  });
  api.use("*", authorize(opts.store.journeys));
  api.get("/auth/me", (c) =>
    c.json({ mode: c.req.header("authorization") ? "token" : "local", identity: c.var.identity }),
  );
  api.get("/templates", (c) => c.json(listTemplates()));
  api.route("/personas", personaRoutes());
  api.route("/journeys", journeyRoutes());
  api.route("/journeys", analysisRoutes());
  api.route("/journeys", mapDataRoutes());
  api.route("/journeys", surveyRoutes());
  api.route("/journeys", themeRoutes());
  api.route("/journeys", versionRoutes());
  api.route("/journeys", hierarchyRoutes());
  api.route("/journeys", shareLinkRoutes(opts.store, now));
  api.route("/journeys", mapAccessRoutes(opts.store));
  api.route("/journeys", commentRoutes());
  api.route("/journeys", reviewRoutes());
  api.route("/journeys", mapActivityRoutes());
  api.route("/journeys", workshopRoutes());
  api.route("/inbox", inboxRoutes());
  api.route("/activity", workspaceActivityRoutes());
  api.route("/webhooks", webhookRoutes());
  api.route("/logs", logRoutes());
  api.route("/logs", draftRoutes());
  api.route("/settings", settingsRoutes());
  api.route("/attention", attentionRoutes());
  api.route("/portfolio", portfolioRoutes());
  api.route("/kpis", kpiRoutes());
  api.route("/atlas", atlasRoutes());
  api.route("/uploads", uploadRoutes());
  app.route("/api", api);
  return { app, services, metrics };
}
