import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { Store } from "../storage/store.ts";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { type AppOptions, createApp, createAppWithServices } from "./app.ts";
import { localAuthenticator } from "./auth.ts";
import { testClient } from "./test-client.ts";

/** A fresh app per test (SQLite unless `dialect` says), reached as a local browser would; the getters read the current one. */
export function useTestApi(
  options: Partial<Omit<AppOptions, "store">> = {},
  dialect: "sqlite" | "postgres" = "sqlite",
) {
  let t: TestStore | undefined;
  let client: ReturnType<typeof testClient> | undefined;
  beforeEach(async () => {
    t = await createTestStore(dialect);
    client = testClient(createApp({ auth: localAuthenticator(), ...options, store: t.store }));
  });
  afterEach(async () => t?.dispose());
  return {
    get api(): ReturnType<typeof testClient> {
      if (!client) throw new Error("useTestApi: no app outside a test");
      return client;
    },
    get store(): Store {
      if (!t) throw new Error("useTestApi: no store outside a test");
      return t.store;
    },
  };
}

/**
 * A fresh app with its services per test: SQLite store, a temporary data folder for event logs
 * (`options.dataDir` is set to it), log engines closed after the test.
 */
export function useTestAppWithLogs(
  name: string,
  options: Partial<Omit<AppOptions, "store" | "dataDir">> = {},
) {
  let t: TestStore | undefined;
  let dir: string | undefined;
  let client: ReturnType<typeof testClient> | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    t = await createTestStore("sqlite");
    dir = mkdtempSync(join(tmpdir(), `wayline-${name}-`));
    const { app, services } = createAppWithServices({
      auth: localAuthenticator(),
      ...options,
      store: t.store,
      dataDir: dir,
    });
    client = testClient(app);
    close = () => services.logs.close();
  });
  afterEach(async () => {
    await close?.();
    await t?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const current = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("useTestAppWithLogs: no app outside a test");
    return v;
  };
  return {
    get api(): ReturnType<typeof testClient> {
      return current(client);
    },
    get store(): Store {
      return current(t).store;
    },
    get dataDir(): string {
      return current(dir);
    },
  };
}

/** Uploads a CSV event log as the web app does; gives the stored log's JSON (id, engine …). */
export async function uploadCsvLog(
  api: ReturnType<typeof testClient>,
  filename: string,
  csv: string,
  name?: string,
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
): Promise<any> {
  const q = new URLSearchParams({ filename, ...(name ? { name } : {}) });
  const r = await api.post(`/api/logs?${q}`, csv, { "content-type": "text/csv", "x-wayline-upload": "1" });
  if (r.status !== 201 && r.status !== 200)
    throw new Error(`upload ${filename}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}
