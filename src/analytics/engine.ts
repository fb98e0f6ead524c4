import { z } from "zod";
import type {
  DfgEdge,
  FunnelResult,
  LogStats,
  PathsResult,
  VariantsResult,
} from "../domain/journey-data/log-results.ts";
import type { ImportReport, LogEvent } from "./model.ts";

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

/** Options of `variants()`. */
export const VariantsQuerySchema = z.strictObject({
  /** How many variants to list. */
  top: z.number().int().min(1).max(100_000).default(10),
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

/** Where an engine gets its events: a file (engines may read it natively) or an event stream. */
export type EngineInput =
  | {
      file: string;
      options?: import("./model.ts").ImportOptionsInput;
      /** Name the user knows the file by, for error messages (an upload's temporary path is never shown). */
      name?: string;
    }
  | { events: AsyncIterable<LogEvent> | LogEvent[] };

/**
 * The questions Wayline asks of an event log; DuckDB, ClickHouse and the reference engine answer
 * them identically (checked by tests against the reference).
 */
export interface AnalyticsEngine {
  /** Engine name. */
  readonly name: "reference" | "duckdb" | "clickhouse";
  /** Loads a log (replacing any loaded one); returns what was read and rejected. */
  load(input: EngineInput): Promise<ImportReport>;
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
  /** Releases connections and temporary tables. */
  close(): Promise<void>;
}
