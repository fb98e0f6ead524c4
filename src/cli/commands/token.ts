import type { Command } from "commander";
import { z } from "zod";
import { WaylineError } from "../../domain/errors.ts";
import { atLeast, RoleSchema } from "../../domain/roles.ts";
import { check } from "../../server/validate.ts";
import { printJson, printTable } from "../io.ts";
import { cliPrincipal } from "../principal.ts";
import { openCliStore, resolveWorkspace, withStoreOptions, withWorkspaceOption } from "../store-options.ts";

type Opts = { data?: string; workspace?: string; json?: boolean };

/** `wayline token create NAME | list | revoke NAME|ID`: a workspace's API tokens. */
export function registerToken(program: Command): void {
  const token = program
    .command("token")
    .description("API tokens: each acts in one workspace with one role (WAYLINE_AUTH=token or accounts)");
  withWorkspaceOption(withStoreOptions(token.command("create")))
    .description("create a token (shown once); names are unique per workspace")
    .argument("<name>", "who or what the token is for")
    .option("--role <role>", "owner, admin, editor, commenter or viewer", "editor")
    .action(async (name: string, o: Opts & { role: string }) => {
      const role = check(RoleSchema, o.role, "query");
      const text = check(z.string().trim().min(1).max(100), name, "query");
      // A token never grants more than whoever creates it holds.
      if (!atLeast(cliPrincipal().role, role))
        throw new WaylineError("forbidden", `a token's role cannot exceed yours (${cliPrincipal().role})`);
      const store = await openCliStore(o);
      try {
        const ws = await resolveWorkspace(store, o.workspace);
        const value = await store.tokens.create(text, role, new Date().toISOString(), ws);
        console.log(value);
        console.error(
          `Keep this token secret; it is shown only once. It acts in workspace ${ws} as ${role}.`,
        );
      } finally {
        await store.close();
      }
    });
  withWorkspaceOption(withStoreOptions(token.command("list")))
    .description("list a workspace's tokens: id, name, role, created, last used (never their values)")
    .option("--json", "print as JSON")
    .action(async (o: Opts) => {
      const store = await openCliStore(o);
      try {
        const all = await store.tokens.list(await resolveWorkspace(store, o.workspace));
        if (o.json) return printJson(all);
        printTable([
          ["ID", "NAME", "ROLE", "CREATED", "LAST USED"],
          ...all.map((t) => [String(t.id), t.name, t.role, t.createdAt, t.lastUsedAt ?? "never"]),
        ]);
      } finally {
        await store.close();
      }
    });
  withWorkspaceOption(withStoreOptions(token.command("revoke")))
    .description("revoke a workspace's token by name or id; it stops working at once")
    .argument("<name-or-id>", "the token's name or its id from `wayline token list`")
    .action(async (which: string, o: Opts) => {
      const store = await openCliStore(o);
      try {
        const gone = await store.tokens.revoke(which, await resolveWorkspace(store, o.workspace));
        console.log(`revoked token ${gone.id} "${gone.name}" (${gone.role})`);
      } finally {
        await store.close();
      }
    });
}
