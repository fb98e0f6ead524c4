import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { WaylineError } from "../../domain/errors.ts";

/**
 * Largest CSV/TSV record, NDJSON line, JSON array element or run of XES text between two markup
 * characters (characters). Readers refuse to buffer more, so one hostile 300 MB field cannot
 * exhaust memory: NDJSON skips the line with a row error, the other formats stop with a located
 * 413 `payload_too_large`.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** Largest expanded size of a compressed `.xes.gz` (bytes), `WAYLINE_MAX_EXPANDED_MB` overrides (default 8192). */
export function maxExpandedBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.WAYLINE_MAX_EXPANDED_MB ?? "8192");
  return (Number.isFinite(mb) && mb > 0 ? mb : 8192) * 1024 * 1024;
}

/** Limits of one read (tests lower them). */
export interface ReadLimits {
  /** See `MAX_RECORD_CHARS`. */
  recordChars: number;
  /** See `maxExpandedBytes`. */
  expandedBytes: number;
}

/** The limits in force. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { recordChars: MAX_RECORD_CHARS, expandedBytes: maxExpandedBytes(), ...overrides };
}

/** The name the user knows a file by (never a server temporary path). */
export type DisplayName = string;

/**
 * Refuses what is not a regular file (`/dev/zero`, a FIFO, a folder) before reading a byte: such a
 * "file" never ends or blocks forever. Errors name `shown`, the name the user gave.
 */
export async function assertRegularFile(path: string, shown: DisplayName = basename(path)): Promise<number> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new WaylineError("invalid_request", `${shown}: not a regular file`);
    size = s.size;
  } catch (e) {
    if (e instanceof WaylineError) throw e;
    throw new WaylineError(
      "invalid_request",
      `${shown}: cannot read: ${(e as NodeJS.ErrnoException).code ?? e}`,
    );
  }
  return size;
}

/** The located 413 of a record over `MAX_RECORD_CHARS`. */
export function recordTooLarge(shown: DisplayName, where: string, limit: number): WaylineError {
  return new WaylineError(
    "payload_too_large",
    `${shown}: ${where}: longer than the limit of ${limit} characters per record`,
    { limit },
  );
}
