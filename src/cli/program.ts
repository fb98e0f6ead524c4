import { Command, CommanderError } from "commander";
import { VERSION } from "../server/version.ts";
import { withMapVisibility } from "../storage/map-visibility.ts";
import { registerAtlas } from "./commands/atlas.ts";
import { registerAttention } from "./commands/attention.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerCheck } from "./commands/check.ts";
import { registerLogCommands } from "./commands/log.ts";
import { registerLogDraft } from "./commands/log-draft.ts";
import { registerLogDurations } from "./commands/log-durations.ts";
import { registerLogThemes } from "./commands/log-themes.ts";
import { registerLogImport } from "./commands/log-import.ts";
import { registerPortfolio } from "./commands/portfolio.ts";
import { registerServe } from "./commands/serve.ts";
import { registerSummary } from "./commands/summary.ts";
import { registerTemplates } from "./commands/templates.ts";
import { registerToken } from "./commands/token.ts";
import { registerTransfer } from "./commands/transfer.ts";
import { registerUser } from "./commands/user.ts";
import { registerValidate } from "./commands/validate.ts";
import { registerVersions } from "./commands/versions.ts";
import { describeError, EXIT, ExitCode } from "./io.ts";
import { authorizeCliCommand, cliMayRead } from "./principal.ts";
import { openCliStore } from "./store-options.ts";

/** The `wayline` command-line program. */
export function buildProgram(): Command {
  const program = new Command("wayline")
    .description("Wayline: evidence-backed customer journey maps")
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");
  registerServe(program);
  registerTemplates(program);
  registerValidate(program);
  registerTransfer(program);
  registerCheck(program);
  registerSummary(program);
  registerLogCommands(program);
  const log = program.commands.find((c) => c.name() === "log");
  if (log) registerLogImport(log);
  if (log) registerLogDraft(log);
  if (log) registerLogDurations(log);
  if (log) registerLogThemes(log);
  registerToken(program);
  registerUser(program);
  registerAttention(program);
  registerPortfolio(program);
  registerAtlas(program);
  registerVersions(program);
  registerBackup(program);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const cmd of all(program)) cmd.exitOverride();
  // Every command asks the permission table before its action runs (cli/principal.ts).
  program.hook("preAction", (_program, command) => authorizeCliCommand(command, openCliStore));
  return program;
}

/** Runs the program on argv and returns the exit code (never throws). */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    // Maps the command's principal may not open (restricted maps) are absent for it.
    await withMapVisibility(cliMayRead, () => buildProgram().parseAsync([...argv], { from: "user" }));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ExitCode) return e.code;
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    console.error(`wayline: ${describeError(e)}`);
    return EXIT.user;
  }
}
