import { describe, expect, it } from "vitest";
import { CLI_ACTIONS, commandPath } from "./principal.ts";
import { buildProgram } from "./program.ts";

describe("the CLI's permission table", () => {
  it("names every command that runs an action, and every entry is a command", () => {
    const program = buildProgram();
    const all = (c: typeof program): (typeof program)[] => [c, ...c.commands.flatMap(all)];
    // Commands with subcommands (`token`, `user`, `log`) run nothing themselves.
    const leaves = all(program)
      .filter((c) => c !== program && c.commands.length === 0)
      .map(commandPath);
    const withAction = new Set(
      all(program)
        .filter((c) => c !== program)
        .map(commandPath),
    );
    expect(leaves.filter((k) => !(k in CLI_ACTIONS))).toEqual([]);
    expect(Object.keys(CLI_ACTIONS).filter((k) => !withAction.has(k))).toEqual([]);
  });
});
