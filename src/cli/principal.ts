import type { Command } from "commander";
import { WaylineError } from "../domain/errors.ts";
import { type Action, CLI_PRINCIPAL, can, type Principal } from "../server/access/permissions.ts";
import type { MapAccessRecord } from "../storage/map-visibility.ts";
import type { Store } from "../storage/store.ts";

/**
 * The permission table's action of every CLI command (path of command names), or a function of
 * its options when they decide (`versions --restore` edits), or `null` for commands that touch no
 * workspace data (they read and write only the files they are given; `serve` authorises each
 * request itself). A command missing here is refused (the CLI fails closed, like the routes).
 */
export const CLI_ACTIONS: Record<string, Action | ((o: Record<string, unknown>) => Action) | null> = {
  serve: null,
  templates: null,
  new: null,
  validate: null,
  check: null,
  summary: null,
  "log stats": null,
  "log variants": null,
  "log dfg": null,
  "log paths": null,
  "log funnel": null,
  "log draft": null,
  "log themes": null,
  "log durations": "log.read",
  "log import": "log.write",
  import: "map.create",
  export: "map.read",
  versions: (o) => (o.save !== undefined || o.restore !== undefined ? "map.edit" : "map.read"),
  attention: "map.read",
  portfolio: "map.read",
  atlas: "map.read",
  "token create": "tokens.manage",
  "token list": "tokens.manage",
  "token revoke": "tokens.manage",
  "user create": "server.admin",
  "user reset-link": "server.admin",
  backup: "server.backup",
  restore: "server.restore",
};

/** Who runs a CLI command: the local owner, or the API token given with `--token`/`WAYLINE_TOKEN`. */
export interface CliPrincipal extends Principal {
  /** The token's name, when the CLI acts as a token. */
  tokenName?: string;
}

let current: CliPrincipal = CLI_PRINCIPAL;

/** The principal of the running command (set before its action by `authorizeCliCommand`). */
export function cliPrincipal(): CliPrincipal {
  return current;
}

/** What the CLI's map visibility asks: `map.read` of the running command's principal on each map. */
export function cliMayRead(map: MapAccessRecord): boolean {
  return can(current, "map.read", { workspaceId: map.workspaceId, mapId: map.id, access: map });
}

/** The full name of a command (`token revoke`), without the program's. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/** The token a command was given (`--token`, else WAYLINE_TOKEN), if any. */
function tokenOf(opts: Record<string, unknown>): string | undefined {
  const given = typeof opts.token === "string" ? opts.token : undefined;
  return given ?? (process.env.WAYLINE_TOKEN || undefined);
}

/**
 * Before each command's action: finds its action in `CLI_ACTIONS`, identifies the principal (the
 * token, verified against the store, or the local owner) and asks `can()` in the workspace the
 * command acts in (`--workspace`, else the token's, else the default one). Throws `forbidden`
 * (or `unauthorized` for an unknown or revoked token) before the action runs.
 */
export async function authorizeCliCommand(
  cmd: Command,
  open: (opts: { data?: string }) => Promise<Store>,
): Promise<void> {
  const key = commandPath(cmd);
  const entry = CLI_ACTIONS[key];
  if (entry === undefined)
    throw new WaylineError("forbidden", `"${key}" is not in the CLI's permission table`);
  current = CLI_PRINCIPAL;
  if (entry === null) return;
  const opts = cmd.opts() as Record<string, unknown>;
  const action = typeof entry === "function" ? entry(opts) : entry;
  const token = tokenOf(opts);
  if (token === undefined) {
    if (!can(CLI_PRINCIPAL, action)) throw new WaylineError("forbidden", `the CLI may not ${action}`);
    return;
  }
  const store = await open(opts as { data?: string });
  try {
    const who = await store.tokens.verify(token);
    if (!who) throw new WaylineError("unauthorized", "--token: unknown or revoked token");
    const principal: CliPrincipal = { role: who.role, workspaceId: who.workspaceId, tokenName: who.name };
    const { resolveWorkspace } = await import("./store-options.ts");
    current = principal;
    const workspaceId = await resolveWorkspace(store, opts.workspace as string | undefined);
    if (!can(principal, action, { workspaceId }))
      throw new WaylineError(
        "forbidden",
        `token "${who.name}" (${who.role} in workspace ${who.workspaceId}) may not ${action}${workspaceId !== who.workspaceId ? ` in workspace ${workspaceId}` : ""}`,
        { action },
      );
  } catch (e) {
    current = CLI_PRINCIPAL;
    throw e;
  } finally {
    await store.close();
  }
}
