import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestStore, type TestStore } from "../../testing/databases.ts";
import { type RunningServer, serveStore } from "../serve.ts";

/** A real Wayline server (HTTP API + `/collab`) on a fresh test store, and how to stop it. */
export interface CollabTestServer {
  t: TestStore;
  server: RunningServer;
  /** Stops the HTTP server (the store stays) and starts another on the same store (a restart). */
  restart(): Promise<RunningServer>;
  dispose(): Promise<void>;
}

/** Starts a server on `dialect` with a short store debounce. */
export async function startCollabTestServer(
  dialect: "sqlite" | "postgres",
  opts: { auth?: "local" | "token" | "accounts"; redisUrl?: string; debounceMs?: number } = {},
): Promise<CollabTestServer> {
  const t = await createTestStore(dialect);
  const dir = mkdtempSync(join(tmpdir(), "wayline-collab-"));
  const cfg = {
    port: 0,
    host: "127.0.0.1",
    dataDir: dir,
    auth: opts.auth ?? ("local" as const),
    redisUrl: opts.redisUrl,
    collabDebounceMs: opts.debounceMs ?? 50,
  };
  let disposed: Promise<void> | null = null;
  const out: CollabTestServer = {
    t,
    server: await serveStore(t.store, cfg),
    restart: async () => {
      await out.server.close();
      out.server = await serveStore(t.store, cfg);
      return out.server;
    },
    dispose: async () => {
      disposed ??= (async () => {
        await out.server.close();
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      })();
      await disposed;
    },
  };
  return out;
}

/** JSON request to the test server's API. */
export async function apiCall(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    json: res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>),
  };
}
