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
import { readEventLog } from "../import/read-log.ts";
import type { ImportReport, LogEvent } from "../model.ts";
import { parseQuery } from "../query.ts";
import { referenceAttributeCases, referenceAttributeMix } from "./attribute-mix.ts";
import { referenceActivityDurations, referenceStageDurations } from "./durations.ts";
import { referenceFunnel } from "./funnel.ts";
import { referenceDfg, referencePaths, referenceStats, referenceVariants } from "./queries.ts";
import { buildTraces, type Trace, tracesBefore } from "./traces.ts";

/** Collects an engine input into an array of events, with its import report. */
export async function collectEvents(
  input: EngineInput,
): Promise<{ events: LogEvent[]; report: ImportReport }> {
  if ("events" in input) {
    const events: LogEvent[] = [];
    for await (const e of input.events) events.push(e);
    return { events, report: { rows: events.length, events: events.length, errors: [] } };
  }
  const stream = await readEventLog(input.file, input.options, { shown: input.name ?? input.file });
  const events: LogEvent[] = [];
  for await (const e of stream.events) events.push(e);
  return { events, report: stream.report };
}

/** Plain TypeScript engine, all in memory: the oracle the database engines are tested against. */
export class ReferenceEngine implements AnalyticsEngine {
  readonly name = "reference" as const;
  private events: LogEvent[] = [];
  private traces: Trace[] = [];

  /** Loads (replaces) the log. */
  async load(input: EngineInput): Promise<ImportReport> {
    const { events, report } = await collectEvents(input);
    this.events = events;
    this.traces = buildTraces(events);
    return report;
  }

  /** See `AnalyticsEngine.append`: numbered after the last held event, traces rebuilt. */
  async append(events: AsyncIterable<LogEvent> | LogEvent[]): Promise<number> {
    let next = this.events.reduce((m, e) => Math.max(m, e.seq + 1), 0);
    let n = 0;
    for await (const e of events) {
      this.events.push({ ...e, seq: next++ });
      n++;
    }
    this.traces = buildTraces(this.events);
    return n;
  }

  /** See `AnalyticsEngine.stats`. */
  async stats(): Promise<LogStats> {
    return referenceStats(this.events, this.traces);
  }

  /** See `AnalyticsEngine.variants`. */
  async variants(query: VariantsQuery = {}): Promise<VariantsResult> {
    const { top, before } = parseQuery(VariantsQuerySchema, query, "variants");
    return referenceVariants(before === undefined ? this.traces : tracesBefore(this.traces, before), top);
  }

  /** See `AnalyticsEngine.dfg`. */
  async dfg(): Promise<DfgEdge[]> {
    return referenceDfg(this.traces);
  }

  /** See `AnalyticsEngine.paths`. */
  async paths(query: PathsQuery): Promise<PathsResult> {
    return referencePaths(this.traces, parseQuery(PathsQuerySchema, query, "paths"));
  }

  /** See `AnalyticsEngine.funnel`. */
  async funnel(query: FunnelQuery): Promise<FunnelResult> {
    return referenceFunnel(this.traces, funnelSpec(query));
  }

  /** See `AnalyticsEngine.activityDurations`. */
  async activityDurations(): Promise<ActivityDurationsResult> {
    return referenceActivityDurations(this.events);
  }

  /** See `AnalyticsEngine.stageDurations`. */
  async stageDurations(query: StageDurationsQuery): Promise<StageDurationsResult> {
    return referenceStageDurations(this.traces, stageDurationsSpec(query));
  }

  /** See `AnalyticsEngine.stageAttributeCases`. */
  async stageAttributeCases(query: StageAttributeCasesQuery): Promise<AttributeCasesResult> {
    return referenceAttributeCases(this.traces, stageAttributeCasesSpec(query));
  }

  /** See `AnalyticsEngine.stageAttributeMix`. */
  async stageAttributeMix(query: StageAttributeMixQuery): Promise<AttributeMixResult> {
    return referenceAttributeMix(this.events, stageAttributeMixSpec(query));
  }

  /** Forgets the loaded log. */
  async drop(): Promise<void> {
    this.events = [];
    this.traces = [];
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}
