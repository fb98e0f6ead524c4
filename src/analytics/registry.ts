import { clickhouseEntry } from "./clickhouse/entry.ts";
import { duckdbEntry } from "./duckdb/entry.ts";
import type { AnalyticsEngine, EngineEntry, EngineOpenOptions } from "./engine.ts";
import { referenceEntry } from "./reference/entry.ts";

/**
 * Every analytics engine, by name. The CLI's `--engine` choices, the zod enums, the log library
 * and the tests' engine loops all read these keys: adding an engine is one folder with its
 * `entry.ts` plus one line here. Entries load their engine lazily, so importing this is cheap.
 */
export const ENGINES = {
  duckdb: duckdbEntry,
  clickhouse: clickhouseEntry,
  reference: referenceEntry,
} as const satisfies Record<string, EngineEntry>;

/** An engine name. */
export type EngineName = keyof typeof ENGINES;

/** Engine names in registry order (a non-empty tuple, as `z.enum` wants it). */
export const ENGINE_NAMES = Object.keys(ENGINES) as [EngineName, ...EngineName[]];

/** The engine used when none is chosen. */
export const DEFAULT_ENGINE: EngineName = "duckdb";

/** The engine the others are checked against (the one with `capabilities.oracle`). */
export const ORACLE_ENGINE: EngineName = ENGINE_NAMES.find(
  (n) => ENGINES[n].capabilities.oracle,
) as EngineName;

/** True when `value` names a registered engine. */
export function isEngineName(value: string): value is EngineName {
  return Object.hasOwn(ENGINES, value);
}

/** Opens a registered engine. */
export function openEngine(name: EngineName, options?: EngineOpenOptions): Promise<AnalyticsEngine> {
  return ENGINES[name].open(options);
}
