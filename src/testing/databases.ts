import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseOptions } from "../storage/database.ts";
import { openStore, type Store } from "../storage/store.ts";

/** PostgreSQL used by tests (`WAYLINE_TEST_PG_URL`, default the local `test` database). */
export const TEST_PG_URL = process.env.WAYLINE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** True when the test PostgreSQL answers. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `fn` run on the first call only; later calls get the first call's promise. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= fn();
    return done;
  };
}

/** A test store and how to restart or remove it. */
export interface TestStore {
  store: Store;
  /** Opens a second store on the same database (a "restart"). */
  reopen(): Promise<Store>;
  /** Closes and removes everything. */
  dispose(): Promise<void>;
}

/** Opens stores with `open`; `reopen` adds more on the same database; `dispose` closes all, then cleans up. */
async function trackStores(open: () => Promise<Store>, cleanUp: () => Promise<void>): Promise<TestStore> {
  const store = await open();
  const all: Store[] = [store];
  return {
    store,
    reopen: async () => {
      const s = await open();
      all.push(s);
      return s;
    },
    dispose: once(async () => {
      await Promise.all(all.map((s) => s.close()));
      await cleanUp();
    }),
  };
}

/** Where a test database lives (not yet opened or migrated) and how to remove it. */
export interface TestDatabaseLocation {
  /** Options that `connectDatabase`/`openStore` accept. */
  options: DatabaseOptions;
  /** Removes the folder or drops the schema. */
  cleanUp(): Promise<void>;
}

/** An empty database on a dialect: a temporary SQLite folder or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabaseLocation> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "wayline-test-"));
    return { options: { dataDir: dir }, cleanUp: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `wayline_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    options: { url: TEST_PG_URL, pgSchema: schema },
    // Once only: an afterEach that runs after a failed beforeEach disposes the previous test's
    // store again, and a second drop would hide the real failure behind "schema does not exist".
    cleanUp: once(async () => {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }),
  };
}

/** A fresh store on a dialect: a temporary SQLite folder or a new PostgreSQL schema. */
export async function createTestStore(dialect: "sqlite" | "postgres"): Promise<TestStore> {
  const where = await createTestDatabase(dialect);
  return trackStores(() => openStore(where.options), where.cleanUp);
}
