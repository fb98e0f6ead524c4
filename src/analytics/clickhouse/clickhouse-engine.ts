import type { AttributeCasesResult, AttributeMixResult } from "../../domain/journey-data/attribute-mix.ts";
import type {
  ActivityDurationsResult,
  StageDurationsResult,
} from "../../domain/journey-data/duration-results.ts";
import {
  type StageAttributeCasesQuery,
  type StageAttributeMixQuery,
  stageAttributeCasesSpec,
  stageAttributeMixSpec,
} from "../attribute-mix-query.ts";
import { type StageDurationsQuery, stageDurationsSpec } from "../durations-query.ts";
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
import { chAttributeCases, chAttributeMix } from "./attribute-mix-sql.ts";
import { ClickHouse } from "./client.ts";
import { chActivityDurations, chStageDurations } from "./durations-sql.ts";
import { chFunnel } from "./funnel-sql.ts";
import { appendClickHouse, loadClickHouse } from "./load.ts";
import { chDfg, chPaths, chStats, chVariants } from "./queries.ts";

const TABLE_ROLES = ["events", "traces", "fc"] as const;

/**
 * ClickHouse engine (server at CLICKHOUSE_URL). By default each engine uses private, randomly
 * named tables dropped on close; a stored workspace log names its own prefix and keeps its
 * tables (Log engine, so they survive server restarts) until `drop()`.
 */
export class ClickHouseEngine implements AnalyticsEngine {
  readonly name = "clickhouse" as const;

  private constructor(
    private readonly db: ClickHouse,
    private readonly keep: boolean,
  ) {}

  /** Opens an engine on the server at `url` (default: CLICKHOUSE_URL or http://127.0.0.1:18123). */
  static async open(url?: string, stored?: { prefix: string }): Promise<ClickHouseEngine> {
    return new ClickHouseEngine(new ClickHouse(url, stored?.prefix), stored !== undefined);
  }

  /** Loads (replaces) the log with streamed `INSERT … FORMAT CSV/TabSeparated` (bulk.ts). */
  load(input: EngineInput): Promise<ImportReport> {
    return loadClickHouse(this.db, input);
  }

  /** See `AnalyticsEngine.append`: inserted after the held rows, traces rebuilt. */
  append(events: AsyncIterable<LogEvent> | LogEvent[]): Promise<number> {
    return appendClickHouse(this.db, events);
  }

  /** See `AnalyticsEngine.stats`. */
  stats(): Promise<LogStats> {
    return chStats(this.db);
  }

  /** See `AnalyticsEngine.variants`. */
  variants(query: VariantsQuery = {}): Promise<VariantsResult> {
    const { top, before } = parseQuery(VariantsQuerySchema, query, "variants");
    return chVariants(this.db, top, before);
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
    return chFunnel(this.db, funnelSpec(query));
  }

  /** See `AnalyticsEngine.activityDurations`. */
  activityDurations(): Promise<ActivityDurationsResult> {
    return chActivityDurations(this.db);
  }

  /** See `AnalyticsEngine.stageDurations`. */
  stageDurations(query: StageDurationsQuery): Promise<StageDurationsResult> {
    return chStageDurations(this.db, stageDurationsSpec(query));
  }

  /** See `AnalyticsEngine.stageAttributeCases`. */
  stageAttributeCases(query: StageAttributeCasesQuery): Promise<AttributeCasesResult> {
    return chAttributeCases(this.db, stageAttributeCasesSpec(query));
  }

  /** See `AnalyticsEngine.stageAttributeMix`. */
  stageAttributeMix(query: StageAttributeMixQuery): Promise<AttributeMixResult> {
    return chAttributeMix(this.db, stageAttributeMixSpec(query));
  }

  /** True when this engine's events table exists (a stored log is held here). */
  holdsLog(): Promise<boolean> {
    return this.db.exists("events");
  }

  /** See `AnalyticsEngine.streamEvents`: the events table streamed in storage order. */
  async *streamEvents(): AsyncGenerator<LogEvent> {
    const sql = `SELECT case_id, activity, ts, seq, attr_keys, attr_values FROM ${this.db.table("events")}`;
    for await (const row of this.db.stream(sql)) {
      const r = row as {
        case_id: string;
        activity: string;
        ts: string;
        seq: string;
        attr_keys: string[];
        attr_values: string[];
      };
      const attrs: Record<string, string> = {};
      r.attr_keys.forEach((k, i) => {
        attrs[k] = r.attr_values[i] ?? "";
      });
      yield { caseId: r.case_id, activity: r.activity, timestamp: Number(r.ts), seq: Number(r.seq), attrs };
    }
  }

  /** Closes the client; drops the tables unless this is a stored log. */
  close(): Promise<void> {
    return this.db.close(TABLE_ROLES, this.keep);
  }

  /** Drops the tables (deleting a stored log); see `AnalyticsEngine.drop`. */
  drop(): Promise<void> {
    return this.db.drop(TABLE_ROLES);
  }
}
