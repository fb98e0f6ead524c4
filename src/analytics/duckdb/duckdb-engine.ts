import { WaylineError } from "../../domain/errors.ts";
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
import { duckAttributeCases, duckAttributeMix } from "./attribute-mix-sql.ts";
import { DuckDb } from "./connection.ts";
import { duckActivityDurations, duckStageDurations } from "./durations-sql.ts";
import { duckFunnel } from "./funnel-sql.ts";
import { DerivedTables, variantsBeforeSql } from "./layout.ts";
import { appendEvents, loadEvents } from "./load.ts";
import { duckDfg, duckPaths, duckStats, duckVariants } from "./queries.ts";

/** Embedded DuckDB engine (in-memory by default, or a database file). */
export class DuckDbEngine implements AnalyticsEngine {
  readonly name = "duckdb" as const;

  private readonly derived: DerivedTables;

  /** False while the loaded log was read without its attributes (`EngineInput.attributes`). */
  private attributes = true;

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
    const { report, attributes } = await loadEvents(this.db, input);
    this.attributes = attributes;
    return report;
  }

  /** Fails when the loaded log was read without attributes, naming the question that needs them. */
  private needAttributes(question: string): void {
    if (!this.attributes)
      throw new WaylineError(
        "invalid_request",
        `${question} needs the log's attributes, but it was loaded with attributes: false; load it again without that option`,
      );
  }

  /** See `AnalyticsEngine.append`: the appender after the held rows; per-case tables refreshed for the touched cases. */
  async append(events: AsyncIterable<LogEvent> | LogEvent[]): Promise<number> {
    this.needAttributes("append");
    const [r] = await this.db.rows("SELECT coalesce(max(rowid), -1) + 1 AS first FROM events");
    const n = await appendEvents(this.db, events);
    if (n > 0) await this.derived.afterAppend(Number(r?.first));
    return n;
  }

  /** See `AnalyticsEngine.stats` (kept in `answers` until the events change). */
  stats(): Promise<LogStats> {
    return this.derived.answer("stats", async () => {
      await this.derived.variants();
      return duckStats(this.db);
    });
  }

  /** See `AnalyticsEngine.variants`. */
  async variants(query: VariantsQuery = {}): Promise<VariantsResult> {
    const { top, before } = parseQuery(VariantsQuerySchema, query, "variants");
    if (before !== undefined) return duckVariants(this.db, top, variantsBeforeSql(before));
    await this.derived.variants();
    return duckVariants(this.db, top);
  }

  /** See `AnalyticsEngine.dfg` (kept in `answers` until the events change). */
  dfg(): Promise<DfgEdge[]> {
    return this.derived.answer("dfg", async () => {
      await this.derived.traces();
      return duckDfg(this.db);
    });
  }

  /** See `AnalyticsEngine.paths`. */
  async paths(query: PathsQuery): Promise<PathsResult> {
    const q = parseQuery(PathsQuerySchema, query, "paths");
    await this.derived.variants();
    return duckPaths(this.db, q);
  }

  /** See `AnalyticsEngine.funnel`. */
  async funnel(query: FunnelQuery): Promise<FunnelResult> {
    const spec = funnelSpec(query);
    if (spec.by) this.needAttributes("a funnel broken down by an attribute");
    if (spec.by) await this.derived.caseAttrs();
    else await this.derived.traces();
    return duckFunnel(this.db, spec);
  }

  /** See `AnalyticsEngine.activityDurations`. */
  async activityDurations(): Promise<ActivityDurationsResult> {
    this.needAttributes("activity durations");
    return duckActivityDurations(this.db);
  }

  /** See `AnalyticsEngine.stageDurations`. */
  async stageDurations(query: StageDurationsQuery): Promise<StageDurationsResult> {
    const spec = stageDurationsSpec(query);
    this.needAttributes("stage durations");
    await this.derived.ev();
    return duckStageDurations(this.db, spec);
  }

  /** See `AnalyticsEngine.stageAttributeCases`. */
  async stageAttributeCases(query: StageAttributeCasesQuery): Promise<AttributeCasesResult> {
    const spec = stageAttributeCasesSpec(query);
    this.needAttributes("the attribute cases of stages");
    return duckAttributeCases(this.db, spec);
  }

  /** See `AnalyticsEngine.stageAttributeMix`. */
  async stageAttributeMix(query: StageAttributeMixQuery): Promise<AttributeMixResult> {
    const spec = stageAttributeMixSpec(query);
    this.needAttributes("the attribute mix of stages");
    return duckAttributeMix(this.db, spec);
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
