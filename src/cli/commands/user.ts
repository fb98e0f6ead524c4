import type { Command } from "commander";
import { z } from "zod";
import { WaylineError } from "../../domain/index.ts";
import { check } from "../../server/validate.ts";
import { DEFAULT_WORKSPACE_ID } from "../../storage/workspaces.ts";
import { openCliStore, withStoreOptions } from "../store-options.ts";

/** Reads the whole of stdin (a password piped in: `echo "$PW" | wayline user create …`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

const CreateOptions = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(120).optional(),
  owner: z.boolean().default(false),
});

/** `wayline user create EMAIL` and `wayline user reset-link EMAIL` (accounts mode). */
export function registerUser(program: Command): void {
  const user = program.command("user").description("accounts for WAYLINE_AUTH=accounts");
  withStoreOptions(user.command("create"))
    .description("create an account; the password is read from stdin")
    .argument("<email>", "e-mail address (the login)")
    .option("--name <name>", "display name (default: the part before @)")
    .option("--owner", "make them an owner of the default workspace (the first account always is)")
    .option("--password-stdin", "read the password from stdin (the default; kept for scripts that say so)")
    .action(async (email: string, o: { name?: string; owner?: boolean; data?: string }) => {
      const input = check(CreateOptions, { email, name: o.name, owner: o.owner ?? false }, "query");
      const { NewPasswordSchema, hashPassword } = await import("../../server/accounts/passwords.ts");
      const password = check(NewPasswordSchema, await readStdin(), "body");
      const store = await openCliStore(o);
      try {
        if (await store.accounts.findByEmail(input.email))
          throw new WaylineError("conflict", `an account "${input.email}" exists already`);
        const now = new Date().toISOString();
        const name = input.name ?? input.email.split("@")[0] ?? input.email;
        const u = await store.accounts.createUser(
          { email: input.email, name, passwordHash: await hashPassword(password) },
          now,
        );
        if (input.owner) await store.members.setRole(DEFAULT_WORKSPACE_ID, u.id, "owner", now);
        const role = await store.members.roleOf(DEFAULT_WORKSPACE_ID, u.id);
        console.log(u.id);
        console.error(
          `Created ${u.email}${role ? ` (${role} of the default workspace)` : " (no workspace yet: send them an invitation link)"}.`,
        );
      } finally {
        await store.close();
      }
    });
  withStoreOptions(user.command("reset-link"))
    .description("issue a single-use password-reset link (no mail server needed: hand it over)")
    .argument("<email>", "whose password")
    .option("--hours <n>", "hours the link stays valid", "24")
    .action(async (email: string, o: { hours: string; data?: string }) => {
      const hours = check(z.coerce.number().int().min(1).max(168), o.hours, "query");
      const store = await openCliStore(o);
      try {
        const u = await store.accounts.findByEmail(email);
        if (!u) throw new WaylineError("not_found", `no account "${email}"`);
        const now = new Date();
        const token = await store.accounts.issueReset(
          u.id,
          now.toISOString(),
          new Date(now.getTime() + hours * 3600_000).toISOString(),
        );
        console.log(`/reset/${token}`);
        console.error(`Open it on the server's address within ${hours} h; it works once.`);
      } finally {
        await store.close();
      }
    });
}
