import { ClickHouseEngine } from "./clickhouse/clickhouse-engine.ts";
import { DuckDbEngine } from "./duckdb/duckdb-engine.ts";
import type { AnalyticsEngine } from "./engine.ts";
import { ReferenceEngine } from "./reference/reference-engine.ts";

/** Engine names accepted by `openEngine`. */
export const ENGINE_NAMES = ["duckdb", "clickhouse", "reference"] as const;

/** An engine name. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Opens an engine: DuckDB in memory, ClickHouse at CLICKHOUSE_URL, or the in-memory reference. */
export async function openEngine(name: EngineName): Promise<AnalyticsEngine> {
  if (name === "duckdb") return DuckDbEngine.open();
  if (name === "clickhouse") return ClickHouseEngine.open();
  return new ReferenceEngine();
}
