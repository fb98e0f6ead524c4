import type { Command } from "commander";
import { z } from "zod";
import { check } from "../../server/validate.ts";
import { openCliStore, withStoreOptions } from "../store-options.ts";

/** `wayline token create NAME`: an API token for team mode (shown once). */
export function registerToken(program: Command): void {
  const token = program.command("token").description("API tokens for team mode (WAYLINE_AUTH=token)");
  withStoreOptions(token.command("create"))
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
}
