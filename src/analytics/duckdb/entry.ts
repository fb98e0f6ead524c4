import type { EngineEntry } from "../engine.ts";

/** Registry entry of the embedded DuckDB engine (in memory, or a database file for a stored log). */
export const duckdbEntry: EngineEntry = {
  description: "embedded DuckDB (in memory; a database file per stored log)",
  capabilities: { persistent: true, oracle: false },
  async open(options) {
    const { DuckDbEngine } = await import("./duckdb-engine.ts");
    return DuckDbEngine.open(options?.stored?.file);
  },
};
