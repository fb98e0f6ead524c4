import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The real `wayline` bin, as `npx wayline` runs it. */
export const WAYLINE_BIN = new URL("../../bin/wayline.js", import.meta.url).pathname;

/** What a CLI run printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/wayline.js ARGS…` as a child process in `cwd`. The environment is the test's
 * with DATABASE_URL and CLICKHOUSE_URL cleared (the embedded defaults) unless `env` sets them.
 */
export async function runWayline(
  args: readonly string[],
  opts: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [WAYLINE_BIN, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", CLICKHOUSE_URL: "", ...opts.env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
