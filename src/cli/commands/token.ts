import type { Command } from "commander";
import { z } from "zod";
import { check } from "../../server/validate.ts";
import { printJson, printTable } from "../io.ts";
import { openCliStore, withStoreOptions } from "../store-options.ts";

/** `wayline token create NAME | list | revoke NAME|ID`: API tokens for team mode. */
export function registerToken(program: Command): void {
  const token = program.command("token").description("API tokens for team mode (WAYLINE_AUTH=token)");
  withStoreOptions(token.command("create"))
    .description("create a token (shown once); names are unique")
    .argument("<name>", "who or what the token is for")
    .option("--role <role>", "owner, editor or viewer", "editor")
    .action(async (name: string, o: { role: string; data?: string }) => {
      const role = check(z.enum(["owner", "editor", "viewer"]), o.role, "query");
      const store = await openCliStore(o);
      try {
        const value = await store.tokens.create(name, role, new Date().toISOString());
        console.log(value);
        console.error("Keep this token secret; it is shown only once.");
      } finally {
        await store.close();
      }
    });
  withStoreOptions(token.command("list"))
    .description("list tokens: id, name, role, created, last used (never their values)")
    .option("--json", "print as JSON")
    .action(async (o: { data?: string; json?: boolean }) => {
      const store = await openCliStore(o);
      try {
        const all = await store.tokens.list();
        if (o.json) return printJson(all);
        printTable([
          ["ID", "NAME", "ROLE", "CREATED", "LAST USED"],
          ...all.map((t) => [String(t.id), t.name, t.role, t.createdAt, t.lastUsedAt ?? "never"]),
        ]);
      } finally {
        await store.close();
      }
    });
  withStoreOptions(token.command("revoke"))
    .description("revoke a token by name or id; it stops working at once")
    .argument("<name-or-id>", "the token's name or its id from `wayline token list`")
    .action(async (which: string, o: { data?: string }) => {
      const store = await openCliStore(o);
      try {
        const gone = await store.tokens.revoke(which);
        console.log(`revoked token ${gone.id} "${gone.name}" (${gone.role})`);
      } finally {
        await store.close();
      }
    });
}
