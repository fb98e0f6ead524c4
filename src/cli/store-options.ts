import type { Command } from "commander";
import type { Store } from "../storage/store.ts";

/** Adds `--data DIR` (SQLite folder; DATABASE_URL selects PostgreSQL instead). */
export function withStoreOptions(cmd: Command): Command {
  return cmd.option("--data <dir>", "folder of the embedded database (or set DATABASE_URL=postgres://…)");
}

/** Opens the store named by the options and the environment. */
export async function openCliStore(opts: { data?: string }): Promise<Store> {
  // Loaded on demand: database drivers are the slowest part of the CLI's start-up.
  const { openStore } = await import("../storage/store.ts");
  return openStore({
    url: process.env.DATABASE_URL || undefined,
    dataDir: opts.data ?? process.env.WAYLINE_DATA_DIR ?? "./data",
  });
}
