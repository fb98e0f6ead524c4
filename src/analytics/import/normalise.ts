import { WaylineError } from "../../domain/errors.ts";
import type { ColumnMapping, ImportReport, LogEvent, RowError } from "../model.ts";
import { DETECTION_SAMPLE_ROWS, detectLogColumns } from "./columns.ts";
import { intervalAttrs, intervalStartColumn } from "./interval.ts";
import type { RawRow, RawSource } from "./raw.ts";
import { isOutOfRangeEpoch, MAX_TIMESTAMP_MS } from "./timestamp.ts";
import { ORDER_LOOKAHEAD_ROWS, TimestampReader, type TimestampSettings } from "./timestamps/reader.ts";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return typeof value === "string" ? value : String(value);
}

function describe(error: RowError): string {
  return `line ${error.line}${error.column ? `, column "${error.column}"` : ""}: ${error.reason}`;
}

/**
 * Turns one raw row into an event, or a row error saying what was expected. With `startColumn`
 * (an interval log, see interval.ts) a non-empty start gives the event its duration.
 */
export function toEvent(
  row: RawRow,
  mapping: ColumnMapping,
  seq: number,
  clock: TimestampReader = new TimestampReader(),
  startColumn?: string,
): LogEvent | RowError {
  const v = row.values;
  if (typeof v.__error === "string") return { line: row.line, reason: v.__error };
  const caseId = cellText(v[mapping.case]).trim();
  if (caseId === "") return { line: row.line, column: mapping.case, reason: "empty case id" };
  const activity = cellText(v[mapping.activity]).trim();
  if (activity === "") return { line: row.line, column: mapping.activity, reason: "empty activity" };
  const raw = v[mapping.timestamp];
  const reading = clock.read(raw);
  const timestamp = reading.ms;
  if (timestamp === null && isOutOfRangeEpoch(raw))
    return {
      line: row.line,
      column: mapping.timestamp,
      reason: `"${cellText(raw)}" is out of range (epoch ms within ±${MAX_TIMESTAMP_MS}, years -271821 to 275760)`,
    };
  if (timestamp === null)
    return {
      line: row.line,
      column: mapping.timestamp,
      reason:
        "layout" in reading && reading.layout
          ? `"${cellText(raw)}" is not a valid ${reading.layout} timestamp (a field is out of range or the zone is unknown)`
          : `"${cellText(raw)}" is not a timestamp (expected ISO 8601 YYYY-MM-DD[ HH:MM[:SS[.fff]]][±HH:MM|zone], YYYY/MM/DD…, DD.MM.YYYY…, DD/MM/YYYY or MM/DD/YYYY…, RFC 2822, a 12-hour clock with AM/PM, or epoch s/ms/µs/ns; or give timestampFormat)`,
    };
  const attrs: Record<string, string> = {};
  for (const key in v) {
    if (key === mapping.case || key === mapping.activity || key === mapping.timestamp) continue;
    const text = cellText(v[key]);
    if (text !== "") attrs[key] = text;
  }
  if (startColumn !== undefined && attrs[startColumn] !== undefined) {
    const start = clock.read(v[startColumn], false).ms;
    const shown = attrs[startColumn];
    if (start === null)
      return {
        line: row.line,
        column: startColumn,
        reason: `"${shown}" is not a timestamp (the interval's start, read like "${mapping.timestamp}")`,
      };
    if (start > timestamp)
      return {
        line: row.line,
        column: startColumn,
        reason: `the interval starts at "${shown}", after its completion "${cellText(raw)}" (${mapping.timestamp})`,
      };
    Object.assign(attrs, intervalAttrs(start, timestamp));
  }
  return { caseId, activity, timestamp, seq, attrs };
}

function ambiguous(
  clock: TimestampReader,
  path: string,
  held: RawRow[],
  column: string,
  rows: number,
): WaylineError {
  const first = held[0] as RawRow;
  return clock.ambiguous(path, first.line, cellText(first.values[column]).trim(), rows);
}

/** The error thrown when a file has more invalid rows than allowed. */
export function tooManyErrors(path: string, report: ImportReport, limit: number): WaylineError {
  const shown = report.errors.slice(0, 5).map(describe).join("; ");
  return new WaylineError(
    "invalid_request",
    `${path}: more than ${limit} invalid rows, import stopped at line ${report.errors.at(-1)?.line}; first: ${shown}`,
    { errors: report.errors.slice(0, limit + 1) },
  );
}

/** The keys of the first readable row (JSON, XES: no header). */
function firstKeys(rows: readonly RawRow[]): string[] | undefined {
  const row = rows.find((r) => typeof r.values.__error !== "string");
  return row ? Object.keys(row.values) : undefined;
}

/**
 * The first rows of a source, read before the columns are chosen: `DETECTION_SAMPLE_ROWS` when a
 * role is left to detection (content scores), else none beyond the first readable row.
 */
async function readSample(
  rows: AsyncIterable<RawRow>,
  overrides: Partial<ColumnMapping>,
): Promise<{ sample: RawRow[]; rest: AsyncIterator<RawRow> }> {
  const rest = rows[Symbol.asyncIterator]();
  const all =
    overrides.case !== undefined && overrides.activity !== undefined && overrides.timestamp !== undefined;
  const sample: RawRow[] = [];
  while (sample.length < DETECTION_SAMPLE_ROWS) {
    const n = await rest.next();
    if (n.done) break;
    sample.push(n.value);
    if (all && typeof n.value.values.__error !== "string") break;
  }
  return { sample, rest };
}

async function* chain(first: RawRow[], rest: AsyncIterator<RawRow>): AsyncGenerator<RawRow> {
  yield* first;
  for (;;) {
    const n = await rest.next();
    if (n.done) return;
    yield n.value;
  }
}

/**
 * Validates and normalises raw rows into events, in file order (`seq` counts accepted events).
 * Invalid rows are recorded in `report.errors`; more than `errorLimit` of them stop the import.
 */
export async function* normaliseRows(
  path: string,
  source: RawSource,
  overrides: Partial<ColumnMapping>,
  errorLimit: number,
  report: ImportReport,
  timestamps: TimestampSettings = {},
): AsyncGenerator<LogEvent> {
  let mapping: ColumnMapping | undefined;
  let startColumn: string | undefined;
  const clock = new TimestampReader(timestamps);
  report.timestamps = clock.report;
  // Rows waiting for the day/month order of their numeric dates (see TimestampReader).
  let held: RawRow[] = [];
  const detect = (headers: string[], sample: RawRow[]) => {
    const readable = sample.filter((r) => typeof r.values.__error !== "string").map((r) => r.values);
    const found = detectLogColumns(headers, readable, overrides, timestamps);
    mapping = report.mapping = found.mapping;
    report.mappingChoice = found.choice;
    startColumn = intervalStartColumn(headers, found.mapping);
  };
  try {
    const { sample, rest } = await readSample(source.rows, overrides);
    const keys = source.headers ?? firstKeys(sample);
    if (keys) detect(keys, sample);
    for await (const row of chain(sample, rest)) {
      // No readable row in the sample says nothing about the columns: detect from the first readable one.
      if (!mapping && typeof row.values.__error !== "string") detect(Object.keys(row.values), [row]);
      report.rows++;
      if (!mapping) {
        report.errors.push({ line: row.line, reason: row.values.__error as string });
        if (report.errors.length > errorLimit) throw tooManyErrors(path, report, errorLimit);
        continue;
      }
      if (clock.holds(row.values[mapping.timestamp], row.line)) {
        held.push(row);
        if (held.length > ORDER_LOOKAHEAD_ROWS)
          throw ambiguous(clock, path, held, mapping.timestamp, report.rows);
        continue;
      }
      const ready = held.length > 0 && !clock.undecided ? [...held, row] : [row];
      if (ready.length > 1) held = [];
      for (const r of ready) {
        const result = toEvent(r, mapping, report.events, clock, startColumn);
        if ("reason" in result) {
          report.errors.push(result);
          if (report.errors.length > errorLimit) throw tooManyErrors(path, report, errorLimit);
          continue;
        }
        report.events++;
        yield result;
      }
    }
    if (held.length > 0) throw ambiguous(clock, path, held, mapping?.timestamp ?? "", report.rows);
  } catch (e) {
    // Errors name the user's file (never a temporary path): add it where a helper did not.
    if (e instanceof WaylineError)
      throw e.message.startsWith(`${path}: `)
        ? e
        : new WaylineError(e.code, `${path}: ${e.message}`, e.details);
    throw new WaylineError("invalid_request", `${path}: cannot read the file: ${(e as Error).message}`);
  }
}
