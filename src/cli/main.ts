import { userInfo } from "node:os";
import { runAs } from "../services/activity/actor-context.ts";
import { runCli } from "./program.ts";

/** Map edits made by a CLI command show in the activity log as the operating-system user's. */
function cliUser(): string {
  try {
    return userInfo().username || "cli";
  } catch {
    return "cli";
  }
}

const name = `${cliUser()} (CLI)`;
process.exitCode = await runAs(
  () => ({ kind: "member", userId: `cli:${name}`, name }),
  () => runCli(process.argv.slice(2)),
);
