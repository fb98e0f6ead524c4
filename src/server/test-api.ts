import { afterEach, beforeEach } from "vitest";
import type { Store } from "../storage/store.ts";
import { createTestStore, type TestStore } from "../testing/databases.ts";
import { type AppOptions, createApp } from "./app.ts";
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
