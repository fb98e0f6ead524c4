import {
  type AnalyticsEngine,
  type DfgEdge,
  type EngineInput,
  type FunnelQuery,
  FunnelQuerySchema,
  type FunnelResult,
  type LogStats,
  type PathsQuery,
  PathsQuerySchema,
  type PathsResult,
  type VariantsQuery,
  VariantsQuerySchema,
  type VariantsResult,
} from "../engine.ts";
import type { ImportReport } from "../model.ts";
import { parseQuery } from "../query.ts";
import { DuckDb } from "./connection.ts";
import { duckFunnel } from "./funnel-sql.ts";
import { loadEvents } from "./load.ts";
import { buildDerivedTables, duckDfg, duckPaths, duckStats, duckVariants } from "./queries.ts";

/** Embedded DuckDB engine (in-memory by default, or a database file). */
export class DuckDbEngine implements AnalyticsEngine {
  readonly name = "duckdb" as const;

  private constructor(private readonly db: DuckDb) {}

  /** Opens an engine on a DuckDB database file, or in memory. */
  static async open(path = ":memory:"): Promise<DuckDbEngine> {
    return new DuckDbEngine(await DuckDb.open(path));
  }

  /** Loads (replaces) the log: `read_csv` for clean CSV files, else the streaming importer + appender. */
  async load(input: EngineInput): Promise<ImportReport> {
    const report = await loadEvents(this.db, input);
    await buildDerivedTables(this.db);
    return report;
  }

  /** See `AnalyticsEngine.stats`. */
  stats(): Promise<LogStats> {
    return duckStats(this.db);
  }

  /** See `AnalyticsEngine.variants`. */
  variants(query: VariantsQuery = {}): Promise<VariantsResult> {
    return duckVariants(this.db, parseQuery(VariantsQuerySchema, query, "variants").top);
  }

  /** See `AnalyticsEngine.dfg`. */
  dfg(): Promise<DfgEdge[]> {
    return duckDfg(this.db);
  }

  /** See `AnalyticsEngine.paths`. */
  paths(query: PathsQuery): Promise<PathsResult> {
    return duckPaths(this.db, parseQuery(PathsQuerySchema, query, "paths"));
  }

  /** See `AnalyticsEngine.funnel`. */
  funnel(query: FunnelQuery): Promise<FunnelResult> {
    const q = parseQuery(FunnelQuerySchema, query, "funnel");
    return duckFunnel(this.db, { ...q, windowMs: q.windowMs ?? Number.POSITIVE_INFINITY });
  }

  /** Closes the database. */
  async close(): Promise<void> {
    this.db.close();
  }
}
