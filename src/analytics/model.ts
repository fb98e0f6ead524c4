import { z } from "zod";
import { CONNECTOR_NAMES } from "../domain/connectors/index.ts";
import type { ColumnChoice } from "../domain/csv/column-scores.ts";
import { text } from "../domain/model/text.ts";
import type { LifecycleReport } from "./import/lifecycle.ts";
import type { TimestampReport } from "./import/timestamps/reader.ts";

/** One normalised event of an event log. */
export interface LogEvent {
  /** Case (customer, user, session) the event belongs to. */
  caseId: string;
  /** Activity (event name). */
  activity: string;
  /** Event time in epoch milliseconds (UTC). */
  timestamp: number;
  /** Position in the file (0-based); breaks timestamp ties so the file order is kept. */
  seq: number;
  /** Every other non-empty column of the row, by its original name. */
  attrs: Record<string, string>;
}

/** Which source columns hold the case id, the activity and the timestamp. */
export interface ColumnMapping {
  /** Column with the case id. */
  case: string;
  /** Column with the activity name. */
  activity: string;
  /** Column with the event time. */
  timestamp: string;
}

/** Options for reading an event log file (validated at the boundary). */
export const ImportOptionsSchema = z.strictObject({
  /** Column with the case id (auto-detected when absent). */
  case: text().min(1).optional(),
  /** Column with the activity (auto-detected when absent). */
  activity: text().min(1).optional(),
  /** Column with the timestamp (auto-detected when absent). */
  timestamp: text().min(1).optional(),
  /** Field delimiter for CSV (auto-detected when absent). */
  delimiter: text().length(1).optional(),
  /** Stop with an error once more than this many invalid rows were found. */
  errorLimit: z.number().int().min(0).default(100),
  /** Force a format instead of detecting it from the file name. */
  format: z.enum(["csv", "json", "xes", "parquet"]).optional(),
  /** strftime-style layout of the timestamps (`%d.%m.%Y %H:%M`); detected when absent. */
  timestampFormat: text().min(1).max(100).optional(),
  /** IANA time zone (or offset) of timestamps written without one; UTC when absent. */
  timezone: text().min(1).max(64).optional(),
  /**
   * Events with a lifecycle transition (XES `lifecycle:transition`): `all` keeps every transition as
   * an event (default), `complete` keeps completions only, `merge` pairs each start with its
   * completion into one event with a duration.
   */
  lifecycle: z.enum(["all", "complete", "merge"]).default("all"),
  /** XES classifier (by name) whose keys make the activity, e.g. "MXML Legacy Classifier". */
  classifier: text().min(1).max(200).optional(),
  /**
   * Export of another tool read by a connector (docs/guide/connectors.md): `auto` (default) picks
   * one from the columns when no column is given, `none` reads the file as a plain log.
   */
  connector: z.enum(["auto", "none", ...CONNECTOR_NAMES]).default("auto"),
});

/** Parsed import options. */
export type ImportOptions = z.output<typeof ImportOptionsSchema>;

/** Import options as callers may pass them (defaults applied by the schema). */
export type ImportOptionsInput = z.input<typeof ImportOptionsSchema>;

/** One invalid row found while importing. */
export interface RowError {
  /** 1-based line (CSV/NDJSON/XES) or 1-based record number (JSON array, Parquet). */
  line: number;
  /** Column involved, when one is. */
  column?: string;
  /** What was wrong and what was expected. */
  reason: string;
}

/** What an import read and rejected. */
export interface ImportReport {
  /** Rows read from the file (valid and invalid). */
  rows: number;
  /** Events accepted. */
  events: number;
  /** Invalid rows (skipped). */
  errors: RowError[];
  /** Columns used for case, activity and timestamp. */
  mapping?: ColumnMapping;
  /** How each of those columns was chosen (given, known name or content) and why. */
  mappingChoice?: Record<keyof ColumnMapping, ColumnChoice>;
  /** How timestamps were read (layouts and counts, day/month order, zone of naive values). */
  timestamps?: TimestampReport;
  /** What the lifecycle option did (events dropped or merged), when the log has transitions. */
  lifecycle?: LifecycleReport;
  /** XES classifiers the file declares (name and keys), and the one used. */
  classifiers?: { name: string; keys: string[] }[];
  classifier?: string;
  /** The connector that read the file (another tool's export), when one did. */
  connector?: { name: string; label: string };
}
