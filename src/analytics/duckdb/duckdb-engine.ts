import {
  type AnalyticsEngine,
  type DfgEdge,
  type EngineInput,
  type FunnelQuery,
  type FunnelResult,
  funnelSpec,
  type LogStats,
  type PathsQuery,
  PathsQuerySchema,
  type PathsResult,
  type VariantsQuery,
  VariantsQuerySchema,
  type VariantsResult,
} from "../engine.ts";
import type { ImportReport, LogEvent } from "../model.ts";
import { parseQuery } from "../query.ts";
import { DuckDb } from "./connection.ts";
import { duckFunnel } from "./funnel-sql.ts";
import { DerivedTables, variantsBeforeSql } from "./layout.ts";
import { appendEvents, loadEvents } from "./load.ts";
import { duckDfg, duckPaths, duckStats, duckVariants } from "./queries.ts";

/** Embedded DuckDB engine (in-memory by default, or a database file). */
export class DuckDbEngine implements AnalyticsEngine {
  readonly name = "duckdb" as const;

  private readonly derived: DerivedTables;

  private constructor(private readonly db: DuckDb) {
    this.derived = new DerivedTables(db);
  }

  /** Opens an engine on a DuckDB database file (upgrading an older table layout), or in memory. */
  static async open(path = ":memory:"): Promise<DuckDbEngine> {
    const engine = new DuckDbEngine(await DuckDb.open(path));
    await engine.derived.upgradeLayout();
    return engine;
  }

  /**
   * Loads (replaces) the log: `read_csv` for clean CSV files, else the streaming importer +
   * appender. Only `events` is built here; per-case tables follow on first use (layout.ts).
   */
  async load(input: EngineInput): Promise<ImportReport> {
    await this.derived.reset();
    return loadEvents(this.db, input);
  }

  /** See `AnalyticsEngine.append`: the appender after the held rows; derived tables rebuilt on next use. */
  async append(events: AsyncIterable<LogEvent> | LogEvent[]): Promise<number> {
    const n = await appendEvents(this.db, events);
    if (n > 0) await this.derived.reset();
    return n;
  }

  /** See `AnalyticsEngine.stats`. */
  async stats(): Promise<LogStats> {
    await this.derived.variants();
    return duckStats(this.db);
  }

  /** See `AnalyticsEngine.variants`. */
  async variants(query: VariantsQuery = {}): Promise<VariantsResult> {
    const { top, before } = parseQuery(VariantsQuerySchema, query, "variants");
    if (before !== undefined) return duckVariants(this.db, top, variantsBeforeSql(before));
    await this.derived.variants();
    return duckVariants(this.db, top);
  }

  /** See `AnalyticsEngine.dfg`. */
  async dfg(): Promise<DfgEdge[]> {
    await this.derived.ev();
    return duckDfg(this.db);
  }

  /** See `AnalyticsEngine.paths`. */
  async paths(query: PathsQuery): Promise<PathsResult> {
    const q = parseQuery(PathsQuerySchema, query, "paths");
    await this.derived.ev();
    return duckPaths(this.db, q);
  }

  /** See `AnalyticsEngine.funnel`. */
  async funnel(query: FunnelQuery): Promise<FunnelResult> {
    const spec = funnelSpec(query);
    await this.derived.ev();
    return duckFunnel(this.db, spec);
  }

  /** Drops the log's tables (the database file itself is the caller's). */
  async drop(): Promise<void> {
    await this.derived.reset();
    await this.db.run("DROP TABLE IF EXISTS events");
  }

  /** Closes the database. */
  async close(): Promise<void> {
    this.db.close();
  }
}
