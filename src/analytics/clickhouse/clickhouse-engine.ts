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
import { ClickHouse } from "./client.ts";
import { chFunnel } from "./funnel-sql.ts";
import { loadClickHouse } from "./load.ts";
import { chDfg, chPaths, chStats, chVariants } from "./queries.ts";

/** ClickHouse engine (server at CLICKHOUSE_URL); each engine uses private, randomly named tables. */
export class ClickHouseEngine implements AnalyticsEngine {
  readonly name = "clickhouse" as const;

  private constructor(private readonly db: ClickHouse) {}

  /** Opens an engine on the server at `url` (default: CLICKHOUSE_URL or http://127.0.0.1:18123). */
  static async open(url?: string): Promise<ClickHouseEngine> {
    return new ClickHouseEngine(new ClickHouse(url));
  }

  /** Loads (replaces) the log through the streaming importer in JSONEachRow batches. */
  load(input: EngineInput): Promise<ImportReport> {
    return loadClickHouse(this.db, input);
  }

  /** See `AnalyticsEngine.stats`. */
  stats(): Promise<LogStats> {
    return chStats(this.db);
  }

  /** See `AnalyticsEngine.variants`. */
  variants(query: VariantsQuery = {}): Promise<VariantsResult> {
    return chVariants(this.db, parseQuery(VariantsQuerySchema, query, "variants").top);
  }

  /** See `AnalyticsEngine.dfg`. */
  dfg(): Promise<DfgEdge[]> {
    return chDfg(this.db);
  }

  /** See `AnalyticsEngine.paths`. */
  paths(query: PathsQuery): Promise<PathsResult> {
    return chPaths(this.db, parseQuery(PathsQuerySchema, query, "paths"));
  }

  /** See `AnalyticsEngine.funnel`. */
  funnel(query: FunnelQuery): Promise<FunnelResult> {
    const q = parseQuery(FunnelQuerySchema, query, "funnel");
    return chFunnel(this.db, { ...q, windowMs: q.windowMs ?? Number.POSITIVE_INFINITY });
  }

  /** Drops this engine's tables and closes the client. */
  close(): Promise<void> {
    return this.db.close(["events", "traces", "fc"]);
  }
}
