import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type Pg from "pg";
import type { Dialect } from "./dialect.ts";
import { migrateToLatest } from "./migrations.ts";
import type { Database } from "./schema.ts";

export type { Dialect } from "./dialect.ts";

/** An open, migrated database. */
export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where it lives (file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

/** Where to store: a PostgreSQL URL, or a folder for the embedded SQLite file. */
export interface DatabaseOptions {
  /** `postgres://…` to use PostgreSQL; otherwise SQLite. */
  url?: string | undefined;
  /** Folder of the SQLite file `wayline.sqlite` (created if missing). */
  dataDir?: string;
  /** PostgreSQL schema (search_path) to use; tests use one per run. */
  pgSchema?: string;
}

/** Hides the password of a connection URL (secrets are never logged). */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function openSqlite(dataDir: string): OpenDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "wayline.sqlite");
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", location: file, close: () => db.destroy() };
}

/** `pg` is loaded only in PostgreSQL mode (it is among the slowest modules to load; SQLite needs none of it). */
const loadPg = () => createRequire(import.meta.url)("pg") as typeof Pg;

function openPostgres(url: string, schema?: string): OpenDatabase {
  const pg = loadPg();
  // BIGINT/BYTEA come back as strings/Buffers; we store versions as INTEGER so no parser is needed.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", location: redactUrl(url), close: () => db.destroy() };
}

/** Connects to the database chosen by the options without migrating it (tests of old schemas). */
export function connectDatabase(opts: DatabaseOptions): OpenDatabase {
  const isPg = opts.url?.startsWith("postgres://") || opts.url?.startsWith("postgresql://");
  return isPg ? openPostgres(opts.url as string, opts.pgSchema) : openSqlite(opts.dataDir ?? "./data");
}

/** Opens (and migrates) the database chosen by the options. */
export async function openDatabase(opts: DatabaseOptions): Promise<OpenDatabase> {
  const open = connectDatabase(opts);
  try {
    await migrateToLatest(open.db as never, open.dialect);
  } catch (e) {
    await open.close();
    throw e;
  }
  return open;
}
