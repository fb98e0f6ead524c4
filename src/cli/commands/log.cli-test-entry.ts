import { Command, CommanderError } from "commander";
import { describeError } from "../io.ts";
import { registerLogCommands } from "./log.ts";

/** Minimal entry to run the `log` commands as a child process in tests (main.ts wires them for real). */
const program = new Command("wayline").exitOverride();
registerLogCommands(program);
for (const cmd of program.commands) cmd.exitOverride();
try {
  await program.parseAsync(process.argv.slice(2), { from: "user" });
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  console.error(`wayline: ${describeError(e)}`);
  process.exit(1);
}
