/** Engine names accepted by `openEngine` (kept apart so the CLI can list them without loading engines). */
export const ENGINE_NAMES = ["duckdb", "clickhouse", "reference"] as const;

/** An engine name. */
export type EngineName = (typeof ENGINE_NAMES)[number];
