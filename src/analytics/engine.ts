import { z } from "zod";
import type { AttributeCasesResult, AttributeMixResult } from "../domain/journey-data/attribute-mix.ts";
import type {
  ActivityDurationsResult,
  StageDurationsResult,
} from "../domain/journey-data/duration-results.ts";
import type {
  DfgEdge,
  FunnelResult,
  LogStats,
  PathsResult,
  VariantsResult,
} from "../domain/journey-data/log-results.ts";
import type { StageAttributeCasesQuery, StageAttributeMixQuery } from "./attribute-mix-query.ts";
import type { StageDurationsQuery } from "./durations-query.ts";
import type { ImportReport, LogEvent } from "./model.ts";
import { parseQuery } from "./query.ts";

export type {
  ActivityDuration,
  ActivityDurationsResult,
  StageDuration,
  StageDurationsResult,
} from "../domain/journey-data/duration-results.ts";
export type {
  ActivityCount,
  DfgEdge,
  DurationSummary,
  FunnelFigures,
  FunnelResult,
  FunnelStep,
  HistogramBin,
  LogStats,
  PathCount,
  PathsResult,
  Variant,
  VariantsResult,
} from "../domain/journey-data/log-results.ts";
export { type StageAttributeMixQuery, StageAttributeMixQuerySchema } from "./attribute-mix-query.ts";
export { type StageDurationsQuery, StageDurationsQuerySchema } from "./durations-query.ts";

/** Options of `variants()`. */
export const VariantsQuerySchema = z.strictObject({
  /** How many variants to list. */
  top: z.number().int().min(1).max(100_000).default(10),
  /**
   * The log as it was at an instant: only events with a timestamp before it (epoch ms, exclusive)
   * count; a case whose events all come later is not a case yet. Absent: every event.
   */
  before: z.number().int().optional(),
});

/** Options of `paths()`: exactly one of `from` / `to`. */
export const PathsQuerySchema = z
  .strictObject({
    /** Anchor: paths after the first occurrence of this activity. */
    from: z.string().min(1).optional(),
    /** Anchor: paths leading to the first occurrence of this activity. */
    to: z.string().min(1).optional(),
    /** How many activities after (before) the anchor. */
    depth: z.number().int().min(1).max(20).default(3),
    /** How many distinct paths to list before the "other" bucket. */
    top: z.number().int().min(1).max(10_000).default(10),
  })
  .refine((q) => (q.from === undefined) !== (q.to === undefined), {
    message: "give exactly one of from / to",
  });

/** Options of `funnel()`. */
export const FunnelQuerySchema = z.strictObject({
  /** Ordered activities (2–20). */
  steps: z.array(z.string().min(1)).min(2).max(20),
  /** sequential: later steps anywhere after; strict: directly following; any: in any order. */
  mode: z.enum(["sequential", "strict", "any"]).default("sequential"),
  /** Conversion window from entering the funnel (ms); none means unlimited. */
  windowMs: z.number().int().positive().optional(),
  /** Attribute column to break the funnel down by (value at the entry event). */
  by: z.string().min(1).optional(),
  /** Number of equal-width bins of the time-to-convert histogram. */
  bins: z.number().int().min(1).max(100).default(10),
});

/** Parsed query types. */
export type VariantsQuery = z.input<typeof VariantsQuerySchema>;
/** Paths query as callers pass it. */
export type PathsQuery = z.input<typeof PathsQuerySchema>;
/** Funnel query as callers pass it. */
export type FunnelQuery = z.input<typeof FunnelQuerySchema>;

/** A funnel query as every engine executes it: validated, defaults filled in. */
export interface FunnelSpec {
  /** Step activities. */
  steps: string[];
  /** Matching mode. */
  mode: FunnelResult["mode"];
  /** Window in ms (Infinity when none). */
  windowMs: number;
  /** Breakdown column. */
  by?: string;
  /** Histogram bins. */
  bins: number;
}

/** Validates a funnel query (`invalid_request` otherwise) into the spec the engines execute. */
export function funnelSpec(query: FunnelQuery): FunnelSpec {
  const q = parseQuery(FunnelQuerySchema, query, "funnel");
  return { ...q, windowMs: q.windowMs ?? Number.POSITIVE_INFINITY };
}

/** Where an engine gets its events: a file (engines may read it natively) or an event stream. */
export type EngineInput =
  | {
      file: string;
      options?: import("./model.ts").ImportOptionsInput;
      /** Name the user knows the file by, for error messages (an upload's temporary path is never shown). */
      name?: string;
      /**
       * `false`: the caller asks only questions of the activity sequences (stats, variants, dfg,
       * paths, funnels without `by`), so an engine may skip storing the other columns — DuckDB
       * then reads a clean CSV without building the attributes (the one-shot `wayline log stats`),
       * and a question needing them (funnel `by`, durations) fails saying so. Default `true`.
       */
      attributes?: boolean;
    }
  | { events: AsyncIterable<LogEvent> | LogEvent[] };

/**
 * The questions Wayline asks of an event log; DuckDB, ClickHouse and the reference engine answer
 * them identically (checked by tests against the reference).
 */
export interface AnalyticsEngine {
  /** Engine name: its key in the engine registry (registry.ts). */
  readonly name: string;
  /** Loads a log (replacing any loaded one); returns what was read and rejected. */
  load(input: EngineInput): Promise<ImportReport>;
  /**
   * Adds events to the loaded log (live events, `log import --append`). Their `seq` is ignored:
   * appended events come after every event already held, in the given order. Answers reflect
   * them from the next question on. Returns how many were appended.
   */
  append(events: AsyncIterable<LogEvent> | LogEvent[]): Promise<number>;
  /** Log statistics. */
  stats(): Promise<LogStats>;
  /** Top variants with coverage. */
  variants(query?: VariantsQuery): Promise<VariantsResult>;
  /** Directly-follows graph; edges by count desc, then from, then to. */
  dfg(): Promise<DfgEdge[]>;
  /** Paths from or to an anchor activity. */
  paths(query: PathsQuery): Promise<PathsResult>;
  /** Funnel over ordered steps. */
  funnel(query: FunnelQuery): Promise<FunnelResult>;
  /**
   * Per activity, the durations its events carry (`wayline:duration_ms`: interval logs, merged
   * lifecycles); see docs/guide/journey-data.md ("Durations and SLAs").
   */
  activityDurations(): Promise<ActivityDurationsResult>;
  /**
   * Time in stage per stage group over the cases reaching it: from the case's first event of the
   * stage to its first later event of another stage, or to its last event when no other stage
   * follows (docs/decisions.md, "Time in stage").
   */
  stageDurations(query: StageDurationsQuery): Promise<StageDurationsResult>;
  /**
   * Per stage group, the cases reaching it and the most frequent values of one attribute at the
   * stage's events (the first candidate some event carries): the draft's touchpoints lane
   * (docs/guide/journey-data.md, "Draft a map from a log").
   */
  stageAttributeMix(query: StageAttributeMixQuery): Promise<AttributeMixResult>;
  /**
   * Per case, its first event (timestamp, then file order) of a stage group carrying the
   * attribute non-empty: the stage, the value and the event's position (ticket themes).
   */
  stageAttributeCases(query: StageAttributeCasesQuery): Promise<AttributeCasesResult>;
  /**
   * Deletes the loaded log and everything stored for it (tables, a stored log's tables); the
   * engine stays open and answers again after the next `load`.
   */
  drop(): Promise<void>;
  /** Releases connections and temporary tables (a stored log's tables are kept). */
  close(): Promise<void>;
  /**
   * Every loaded event, streamed (bounded memory). Engines that hold a stored log outside the
   * data folder (ClickHouse) have it, so backups can copy their events; file engines are copied
   * as files.
   */
  streamEvents?(): AsyncIterable<LogEvent>;
}

/** Where `EngineEntry.open` keeps the log. */
export interface EngineOpenOptions {
  /** Server URL for engines that need a server (default: the engine's environment variable). */
  url?: string | undefined;
  /**
   * Keep the log across processes (a workspace log): file engines write `file`, server engines
   * name their tables after `name` (`[A-Za-z_][A-Za-z0-9_]*`). Absent: private storage, gone on close.
   */
  stored?: { name: string; file: string } | undefined;
}

/** What an engine can do, for the callers that choose one. */
export interface EngineCapabilities {
  /** Honours `open({ stored })`: the log survives `close()` and a restart (workspace logs). */
  persistent: boolean;
  /** The test oracle: plain code every other engine is checked against. */
  oracle: boolean;
}

/** One engine in the registry (registry.ts): how to open it and what it can do. */
export interface EngineEntry {
  /** One line for `--help` and the docs. */
  description: string;
  /** See `EngineCapabilities`. */
  capabilities: EngineCapabilities;
  /** The external server it needs; tests probe it and skip visibly (fail under WAYLINE_REQUIRE_SERVICES=1). */
  service?: { name: string; probe(url?: string): Promise<boolean> };
  /** Opens an engine; its modules load only now, so listing engines stays cheap. */
  open(options?: EngineOpenOptions): Promise<AnalyticsEngine>;
}
