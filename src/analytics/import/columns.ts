// Column detection is pure and shared with the web preview: it lives in the domain. The importer
// adds content scoring with its own timestamp parser (domain/csv/column-scores.ts).
import {
  type ColumnDetection,
  detectColumnsWithSample,
  type SampleRows,
} from "../../domain/csv/column-scores.ts";
import type { LogColumns } from "../../domain/csv/log-columns.ts";
import { WaylineError } from "../../domain/errors.ts";
import { readTimestamp } from "./timestamp.ts";
import type { TimestampSettings } from "./timestamps/reader.ts";
import { compileFormat } from "./timestamps/strftime.ts";

export { DETECTION_SAMPLE_ROWS } from "../../domain/csv/column-scores.ts";
export { COLUMN_CANDIDATES, detectColumns } from "../../domain/csv/log-columns.ts";

/** Epoch numbers count as timestamps for detection only within these years (ids are numbers too). */
const PLAUSIBLE_EPOCH_YEARS = [1990, 2100] as const;
const EPOCH_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * Whether a cell reads as a timestamp the way the importer would read it: with the user's
 * format when given, else any built-in layout (numeric dates whose day/month order is still
 * open count). Bare numbers count only as epochs within `PLAUSIBLE_EPOCH_YEARS`.
 */
export function timestampTest(settings: TimestampSettings = {}): (v: string) => boolean {
  const format = settings.timestampFormat ? compileFormat(settings.timestampFormat) : undefined;
  if (format) return (v) => format(v.trim(), settings.timezone) !== null;
  return (v) => {
    const r = readTimestamp(v, undefined, settings.timezone);
    if ("undecided" in r) return true;
    if (r.ms === null) return false;
    if (!EPOCH_TEXT.test(v.trim())) return true;
    const year = new Date(r.ms).getUTCFullYear();
    return year >= PLAUSIBLE_EPOCH_YEARS[0] && year <= PLAUSIBLE_EPOCH_YEARS[1];
  };
}

/** The columns of a log from its header and first rows, by name and content (see column-scores.ts). */
export function detectLogColumns(
  headers: readonly string[],
  sample: SampleRows,
  overrides: Partial<LogColumns>,
  settings: TimestampSettings = {},
): ColumnDetection {
  return detectColumnsWithSample(headers, sample, timestampTest(settings), overrides);
}

/**
 * The columns found by known names alone (no sample), with their reasons; undefined when a role
 * has no known name. For readers that see only the header (DuckDB's `read_csv` fast path): they
 * should leave a file this answers undefined for to the streaming importer, which also scores
 * content.
 */
export function detectColumnsByName(
  headers: readonly string[],
  overrides: Partial<LogColumns>,
): ColumnDetection | undefined {
  try {
    return detectColumnsWithSample(headers, [], () => false, overrides);
  } catch (e) {
    if (e instanceof WaylineError && e.details && "missing" in (e.details as object)) return undefined;
    throw e;
  }
}
