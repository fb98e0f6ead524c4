import { ClickHouseEngine } from "./clickhouse/clickhouse-engine.ts";
import { DuckDbEngine } from "./duckdb/duckdb-engine.ts";
import type { AnalyticsEngine } from "./engine.ts";
import type { EngineName } from "./engine-names.ts";
import { ReferenceEngine } from "./reference/reference-engine.ts";

export { ENGINE_NAMES, type EngineName } from "./engine-names.ts";

/** Opens an engine: DuckDB in memory, ClickHouse at CLICKHOUSE_URL, or the in-memory reference. */
export async function openEngine(name: EngineName): Promise<AnalyticsEngine> {
  if (name === "duckdb") return DuckDbEngine.open();
  if (name === "clickhouse") return ClickHouseEngine.open();
  return new ReferenceEngine();
}
