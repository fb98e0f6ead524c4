import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { openStore, type Store } from "../storage/store.ts";
import { DEFAULT_WORKSPACE_ID } from "../storage/workspaces.ts";
import { accountAuthenticator } from "./accounts/authenticator.ts";
import { identifyCollabRequest } from "./accounts/collab-identity.ts";
import { LoginLimiter } from "./accounts/login-limiter.ts";
import type { AccountsOptions } from "./accounts/session.ts";
import { createAppWithServices } from "./app.ts";
import { localAuthenticator, tokenAuthenticator } from "./auth.ts";
import { answerClientErrorsAsJson, createJsonErrorServer } from "./client-error.ts";
import { CollabServer } from "./collab/collab-server.ts";
import type { ServerConfig } from "./config.ts";
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
  cfg: ServerConfig & { redisUrl?: string | undefined; collabDebounceMs?: number },
): Promise<RunningServer> {
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
  });
  mountWebApp(app);
  const collab = new CollabServer({
    store,
    workspaceId: DEFAULT_WORKSPACE_ID,
    // Accounts mode: session cookie + the permission table; collab serves the default workspace only.
    auth: accounts
      ? { mode: "accounts", identify: (req) => identifyCollabRequest(req, accounts, DEFAULT_WORKSPACE_ID) }
      : cfg.auth === "token"
        ? { mode: "token", tokens: store.tokens }
        : { mode: "local" },
    shares: (token, documentName) => identifyShareConnection(store, token, documentName),
    redisUrl: "redisUrl" in cfg ? cfg.redisUrl : process.env.REDIS_URL || undefined,
    // WAYLINE_COLLAB_DEBOUNCE_MS: idle time before a live map is stored (default 500 ms).
    debounceMs: cfg.collabDebounceMs ?? (Number(process.env.WAYLINE_COLLAB_DEBOUNCE_MS) || undefined),
    onStored: (id, stored, authors) =>
      services.versions.recordActivity(DEFAULT_WORKSPACE_ID, id, stored, authors),
  });
  services.journeys.routeEditsThrough(collab);
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
  return {
    url: `http://${host}:${port}`,
    store,
    collab,
    close: async () => {
      await collab.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    },
  };
}
