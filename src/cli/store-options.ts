import type { Command } from "commander";
import type { OpenServices } from "../services/services.ts";
import type { Store } from "../storage/store.ts";

/**
 * Adds `--data DIR` (SQLite folder; DATABASE_URL selects PostgreSQL instead) and `--token` (act as
 * that API token: its workspace and role, checked by the permission table before the command runs).
 */
export function withStoreOptions(cmd: Command): Command {
  return cmd
    .option("--data <dir>", "folder of the embedded database (or set DATABASE_URL=postgres://…)")
    .option("--token <token>", "act as this API token, with its workspace and role (or set WAYLINE_TOKEN)");
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

/** Adds `--workspace <id or name>` to a command that reads one workspace (default: the default workspace). */
export function withWorkspaceOption(cmd: Command): Command {
  return cmd.option(
    "--workspace <id|name>",
    "the workspace to read, by id or name (default: the default workspace)",
  );
}

/**
 * The id of the workspace `--workspace` names (id, else unique name), else the token's workspace
 * (with `--token`), else the default workspace. An unknown or ambiguous name is a user error
 * naming the option.
 */
export async function resolveWorkspace(store: Store, given: string | undefined): Promise<string> {
  const { DEFAULT_WORKSPACE_ID } = await import("../storage/workspaces.ts");
  const { cliPrincipal } = await import("./principal.ts");
  if (given === undefined) return cliPrincipal().workspaceId ?? DEFAULT_WORKSPACE_ID;
  const { WaylineError } = await import("../domain/errors.ts");
  const found = await store.workspaces.find(given);
  if (!found) throw new WaylineError("not_found", `--workspace: no workspace with id or name "${given}"`);
  if ("ambiguous" in found)
    throw new WaylineError(
      "invalid_request",
      `--workspace: several workspaces are named "${given}"; give the id (${found.ambiguous.join(", ")})`,
    );
  return found.id;
}
