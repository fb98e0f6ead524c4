import { z } from "zod";
import { text } from "../domain/model/text.ts";

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
}
