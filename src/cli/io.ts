import { WaylineError } from "../domain/index.ts";

/** Exit codes: 0 success, 1 user error (bad input, invalid file), 2 usage error. */
export const EXIT = { ok: 0, user: 1, usage: 2 } as const;

/** Raised by a command to exit with a code after it has printed what it had to say. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Prints data as JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints a plain table (columns padded) on stdout. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  for (const r of rows)
    process.stdout.write(
      `${r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd()}\n`,
    );
}

/** Message for stderr of any error: known errors with their problems, others briefly. */
export function describeError(e: unknown): string {
  if (e instanceof WaylineError) {
    const problems = (e.details?.problems as { path: string; message: string }[] | undefined) ?? [];
    if (problems.length <= 1) return e.message;
    return [
      e.message.replace(/ \(and \d+ more problem\(s\)\)$/, ""),
      ...problems.slice(1).map((p) => `  ${p.path}: ${p.message}`),
    ].join("\n");
  }
  return e instanceof Error ? e.message : String(e);
}
