import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { openStore, type Store } from "../storage/store.ts";
import { accountAuthenticator } from "./accounts/authenticator.ts";
import { LoginLimiter } from "./accounts/login-limiter.ts";
import type { AccountsOptions } from "./accounts/session.ts";
import { createAppWithServices } from "./app.ts";
import { localAuthenticator, tokenAuthenticator } from "./auth.ts";
import type { ServerConfig } from "./config.ts";
import { mountWebApp } from "./static.ts";

/** A running server. */
export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store and serves the app until closed. */
export async function startServer(cfg: ServerConfig): Promise<RunningServer> {
  const store = await openStore({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
  const accounts: AccountsOptions | undefined =
    cfg.auth === "accounts"
      ? {
          store,
          limiter: new LoginLimiter(),
          now: () => new Date(),
          publicOrigin: cfg.publicUrl ? new URL(cfg.publicUrl).origin : undefined,
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
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = cfg.host.includes(":") ? `[${cfg.host}]` : cfg.host === "127.0.0.1" ? "localhost" : cfg.host;
  return {
    url: `http://${host}:${port}`,
    store,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      await store.close();
    },
  };
}
