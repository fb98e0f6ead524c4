import { randomBytes } from "node:crypto";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { WaylineError } from "../../domain/errors.ts";

/**
 * DuckDB's memory and spill settings, explicit rather than DuckDB's defaults (80 % of RAM, spill
 * next to the database or in the working directory, 90 % of free disk): a query over a log larger
 * than memory spills to `tempDirectory` instead of being killed, and never fills the disk.
 */
export interface DuckDbResources {
  /** `memory_limit` (e.g. `8GiB`): DuckDB spills beyond it. */
  memoryLimit: string;
  /** `temp_directory`: a private folder per database, removed by DuckDB on close. */
  tempDirectory: string;
  /** `max_temp_directory_size` (e.g. `100GiB`): spilling beyond it fails the query with a clear error. */
  maxTempSize: string;
  /** `threads`; absent: one per core (DuckDB's default). */
  threads?: number;
}

/** DuckDB size text: a number and a binary or decimal unit. */
const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** Default memory limit: half the machine's RAM (other processes, the Node heap and the OS get the rest). */
export const DEFAULT_MEMORY_SHARE = 0.5;
/** Default cap on spilled data. */
export const DEFAULT_MAX_TEMP_SIZE = "100GiB";

function size(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const v = env[name]?.trim();
  if (v === undefined || v === "") return fallback;
  if (!SIZE.test(v))
    throw new WaylineError("invalid_request", `${name}="${v}": expected a size such as 512MiB, 8GiB or 2GB`);
  return v.replace(/\s+/g, "");
}

/**
 * The settings from the environment: `WAYLINE_DUCKDB_MEMORY_LIMIT` (default half the RAM),
 * `WAYLINE_DUCKDB_TEMP_DIR` (parent of the private spill folders; default the system temp
 * folder), `WAYLINE_DUCKDB_MAX_TEMP_SIZE` (default 100GiB), `WAYLINE_DUCKDB_THREADS` (default:
 * one per core). Invalid values are an `invalid_request` naming the variable.
 */
export function duckDbResourcesFromEnv(env: NodeJS.ProcessEnv = process.env): DuckDbResources {
  const mib = Math.max(256, Math.floor((totalmem() * DEFAULT_MEMORY_SHARE) / 2 ** 20));
  const parent = env.WAYLINE_DUCKDB_TEMP_DIR?.trim() || tmpdir();
  const out: DuckDbResources = {
    memoryLimit: size(env, "WAYLINE_DUCKDB_MEMORY_LIMIT", `${mib}MiB`),
    tempDirectory: join(parent, `wayline-duckdb-${process.pid}-${randomBytes(4).toString("hex")}`),
    maxTempSize: size(env, "WAYLINE_DUCKDB_MAX_TEMP_SIZE", DEFAULT_MAX_TEMP_SIZE),
  };
  const threads = env.WAYLINE_DUCKDB_THREADS?.trim();
  if (threads) {
    const n = Number(threads);
    if (!Number.isInteger(n) || n < 1 || n > 1024)
      throw new WaylineError(
        "invalid_request",
        `WAYLINE_DUCKDB_THREADS="${threads}": expected a whole number from 1 to 1024`,
      );
    out.threads = n;
  }
  return out;
}

/** The settings as DuckDB instance options. */
export function duckDbOptions(r: DuckDbResources): Record<string, string> {
  return {
    memory_limit: r.memoryLimit,
    temp_directory: r.tempDirectory,
    max_temp_directory_size: r.maxTempSize,
    ...(r.threads !== undefined ? { threads: String(r.threads) } : {}),
  };
}
