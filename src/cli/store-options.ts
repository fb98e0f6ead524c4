import type { Command } from "commander";
import type { OpenServices } from "../services/services.ts";
import type { Store } from "../storage/store.ts";

/** Adds `--data DIR` (SQLite folder; DATABASE_URL selects PostgreSQL instead). */
export function withStoreOptions(cmd: Command): Command {
  return cmd.option("--data <dir>", "folder of the embedded database (or set DATABASE_URL=postgres://…)");
}

/** The data folder named by `--data`, else WAYLINE_DATA_DIR, else ./data. */
function dataDir(opts: { data?: string }): string {
  return opts.data ?? process.env.WAYLINE_DATA_DIR ?? "./data";
}

/** Opens the store named by the options and the environment. */
export async function openCliStore(opts: { data?: string }): Promise<Store> {
  // Loaded on demand: database drivers are the slowest part of the CLI's start-up.
  const { openStore } = await import("../storage/store.ts");
  return openStore({ url: process.env.DATABASE_URL || undefined, dataDir: dataDir(opts) });
}

/**
 * Opens the store and wires the services exactly as the server does (`createServices`): the
 * database from DATABASE_URL or `--data`, event logs under `<data>/logs` or on CLICKHOUSE_URL.
 */
export async function openCliServices(opts: { data?: string }): Promise<OpenServices> {
  const { openServices } = await import("../services/services.ts");
  const dir = dataDir(opts);
  return openServices({
    database: { url: process.env.DATABASE_URL || undefined, dataDir: dir },
    dataDir: dir,
    clickhouseUrl: process.env.CLICKHOUSE_URL || undefined,
  });
}
