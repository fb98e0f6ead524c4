import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { openStore, type Store } from "../storage/store.ts";
import { accountAuthenticator } from "./accounts/authenticator.ts";
import { identifyCollabRequest } from "./accounts/collab-identity.ts";
import { LoginLimiter } from "./accounts/login-limiter.ts";
import type { AccountsOptions } from "./accounts/session.ts";
import { createAppWithServices } from "./app.ts";
import { localAuthenticator, tokenAuthenticator } from "./auth.ts";
import { answerClientErrorsAsJson, createJsonErrorServer } from "./client-error.ts";
import { CollabServer, redisExtension } from "./collab/collab-server.ts";
import type { ServerConfig } from "./config.ts";
import { createLogger, type Logger } from "./ops/logger.ts";
import { Metrics } from "./ops/metrics.ts";
import { shutDown, shutdownGraceFromEnv } from "./ops/shutdown.ts";
import { identifyShareConnection } from "./share/share-collab.ts";
import { OidcClient } from "./sso/oidc.ts";
import { ssoConfigFromEnv } from "./sso/sso-config.ts";
import { mountWebApp } from "./static.ts";

/** The OpenID Connect client when WAYLINE_SSO_ISSUER is set (a bad setting stops the start). */
function ssoFromEnv(publicUrl: string | undefined): OidcClient | undefined {
  const settings = ssoConfigFromEnv(process.env, publicUrl);
  return settings ? new OidcClient(settings) : undefined;
}

/** A running server. */
export interface RunningServer {
  url: string;
  store: Store;
  /** The live maps (Hocuspocus at `/collab`). */
  collab: CollabServer;
  /** The server's structured logger. */
  logger: Logger;
  /** Graceful shutdown (`ops/shutdown.ts`): stop accepting, finish or discard, store, close. */
  close(): Promise<void>;
}

/** Opens the store and serves the app until closed. */
export async function startServer(cfg: ServerConfig): Promise<RunningServer> {
  const store = await openStore({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
  const running = await serveStore(store, cfg);
  return {
    ...running,
    close: async () => {
      await running.close();
      await store.close();
    },
  };
}

/** Serves the app on an open store until closed (the store stays open: its owner closes it). */
export async function serveStore(
  store: Store,
  cfg: ServerConfig & {
    redisUrl?: string | undefined;
    collabDebounceMs?: number;
    logger?: Logger;
    /** Bound on finishing requests and imports at shutdown (default WAYLINE_SHUTDOWN_GRACE_MS, 10 s). */
    shutdownGraceMs?: number;
  },
): Promise<RunningServer> {
  const logger = cfg.logger ?? createLogger();
  const metrics = new Metrics();
  const redisUrl = "redisUrl" in cfg ? cfg.redisUrl : process.env.REDIS_URL || undefined;
  const accounts: AccountsOptions | undefined =
    cfg.auth === "accounts"
      ? {
          store,
          limiter: new LoginLimiter(store.loginFailures),
          now: () => new Date(),
          publicOrigin: cfg.publicUrl ? new URL(cfg.publicUrl).origin : undefined,
          sso: ssoFromEnv(cfg.publicUrl),
        }
      : undefined;
  const auth = accounts
    ? accountAuthenticator(accounts)
    : cfg.auth === "token"
      ? tokenAuthenticator(store.tokens)
      : localAuthenticator();
  const { app, services } = createAppWithServices({
    store,
    auth,
    ...(accounts ? { accounts } : {}),
    dataDir: cfg.dataDir,
    clickhouseUrl: process.env.CLICKHOUSE_URL || undefined,
    logger,
    metrics,
    redisUrl,
  });
  mountWebApp(app);
  const collab = new CollabServer({
    store,
    // Accounts mode: session cookie + membership of the map's workspace (the permission table decides).
    auth: accounts
      ? {
          mode: "accounts",
          identify: (req, workspaceId) => identifyCollabRequest(req, accounts, workspaceId),
        }
      : cfg.auth === "token"
        ? { mode: "token", tokens: store.tokens }
        : { mode: "local" },
    shares: (token, documentName) => identifyShareConnection(store, token, documentName),
    redis: redisUrl ? await redisExtension(redisUrl) : null,
    // WAYLINE_COLLAB_DEBOUNCE_MS: idle time before a live map is stored (default 500 ms).
    debounceMs: cfg.collabDebounceMs ?? (Number(process.env.WAYLINE_COLLAB_DEBOUNCE_MS) || undefined),
    // WAYLINE_COLLAB_ROW_POLL_MS: how often open maps pick up rows written by the CLI or another process.
    rowPollMs: process.env.WAYLINE_COLLAB_ROW_POLL_MS
      ? Number(process.env.WAYLINE_COLLAB_ROW_POLL_MS)
      : undefined,
    activity: (ws, map, actor, changes) => services.activity.recordChanges(ws, map, actor, changes),
    onStored: (workspaceId, id, stored, authors) =>
      services.versions.recordActivity(workspaceId, id, stored, authors),
  });
  services.journeys.routeEditsThrough(collab);
  await services.webhooks.start();
  metrics.countOpenDocumentsWith(() => collab.openDocumentCount);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: cfg.port, hostname: cfg.host, createServer: createJsonErrorServer as never },
      () => resolve(s),
    );
    s.once("error", reject);
  });
  answerClientErrorsAsJson(server as Server);
  collab.attach(server as Server);
  const { port } = server.address() as AddressInfo;
  const host = cfg.host.includes(":") ? `[${cfg.host}]` : cfg.host === "127.0.0.1" ? "localhost" : cfg.host;
  const url = `http://${host}:${port}`;
  logger.info({ url, dialect: store.dialect, auth: cfg.auth }, "listening");
  const graceMs = cfg.shutdownGraceMs ?? shutdownGraceFromEnv();
  return {
    url,
    store,
    collab,
    logger,
    close: () => shutDown({ server: server as Server, collab, services, logger, graceMs }),
  };
}
