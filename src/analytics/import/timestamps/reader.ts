/**
 * Reads the timestamp column of one file: with the user's `timestampFormat` when given, else with
 * the built-in layouts; decides the day/month order of numeric dates (`03/04/2024`) from the data
 * and reports what it read.
 *
 * Order rule: the first value whose first number cannot be a month (> 12) decides DD/MM/YYYY, the
 * first whose second number cannot be a month decides MM/DD/YYYY. Until then rows with such dates
 * wait (at most `ORDER_LOOKAHEAD_ROWS`); a file where no value decides is refused with an error
 * that says how to choose — an ambiguous date is never guessed.
 */
import { WaylineError } from "../../../domain/errors.ts";
import { type Reading, readTimestamp } from "../timestamp.ts";
import type { DateOrder } from "./layouts.ts";
import { compileFormat, type FormatReader } from "./strftime.ts";
import { isKnownZone } from "./zones.ts";

/** Rows held back while the day/month order of numeric dates is open. */
export const ORDER_LOOKAHEAD_ROWS = 100_000;

/** How a file's timestamps are read (import options). */
export interface TimestampSettings {
  /** strftime-style layout of every value (`%d.%m.%Y %H:%M`). */
  timestampFormat?: string;
  /** IANA zone (or offset) of values without one; UTC when absent. */
  timezone?: string;
}

/** What the reader used, for the import report. */
export interface TimestampReport {
  /** Values read per layout ("YYYY-MM-DD": 1200, "epoch ms": 3 …). */
  layouts: Record<string, number>;
  /** How the day/month order of numeric dates was decided, when the file had such dates. */
  order?: string;
  /** Zone of naive values. */
  timezone: string;
}

/** Checks the settings once (located errors for the options), before any row is read. */
export function checkTimestampSettings(s: TimestampSettings): void {
  if (s.timezone !== undefined && !isKnownZone(s.timezone))
    throw new WaylineError(
      "invalid_request",
      `timezone "${s.timezone}" is not a known time zone (use an IANA name such as Europe/Berlin, or UTC, or an offset such as +02:00)`,
      { field: "timezone" },
    );
  if (s.timestampFormat !== undefined) compileFormat(s.timestampFormat);
}

/** Reads the timestamp cells of one file in order. */
export class TimestampReader {
  private readonly format?: FormatReader;
  private order?: DateOrder;
  readonly report: TimestampReport;

  constructor(private readonly settings: TimestampSettings = {}) {
    checkTimestampSettings(settings);
    if (settings.timestampFormat) this.format = compileFormat(settings.timestampFormat);
    this.report = { layouts: {}, timezone: settings.timezone ?? "UTC" };
  }

  /** Whether numeric dates are still waiting for their order. */
  get undecided(): boolean {
    return this.format === undefined && this.order === undefined;
  }

  /**
   * Looks at a value before it is read: returns true when it is a numeric date whose order is
   * still open (the row must wait); a value that decides the order decides it here.
   */
  holds(value: unknown, line: number): boolean {
    if (!this.undecided) return false;
    const r = readTimestamp(value, undefined, this.settings.timezone);
    if (!("undecided" in r)) return false;
    if (r.evidence) {
      this.order = r.evidence;
      const shown = typeof value === "string" ? value.trim() : String(value);
      this.report.order = `${r.evidence === "dmy" ? "DD/MM/YYYY" : "MM/DD/YYYY"}, decided by line ${line} ("${shown}")`;
      return false;
    }
    return true;
  }

  /** The error for a file whose numeric dates never decide their order. */
  ambiguous(path: string, firstLine: number, example: string, rows: number): WaylineError {
    const limit = rows > ORDER_LOOKAHEAD_ROWS ? ` in the first ${ORDER_LOOKAHEAD_ROWS} rows` : "";
    return new WaylineError(
      "invalid_request",
      `${path}: line ${firstLine}: dates like "${example}" can be DD/MM/YYYY or MM/DD/YYYY and no value${limit} decides (no day above 12); give the layout, e.g. timestampFormat "%d/%m/%Y %H:%M:%S" or "%m/%d/%Y %H:%M:%S" (CLI --timestamp-format)`,
      { field: "timestampFormat", line: firstLine },
    );
  }

  /**
   * Reads one value to epoch ms (null when it is not a timestamp in the chosen layout). `counted`
   * false reads a second column (an interval's start) without adding it to the report's layouts.
   */
  read(value: unknown, counted = true): Reading {
    if (this.format) {
      const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
      const ms = this.format(text, this.settings.timezone);
      return ms === null
        ? { ms: null, layout: this.settings.timestampFormat }
        : this.count({ ms, layout: `format ${this.settings.timestampFormat}` }, counted);
    }
    const r = readTimestamp(value, this.order, this.settings.timezone);
    return r.ms === null ? r : this.count(r, counted);
  }

  private count(r: { ms: number; layout: string }, counted: boolean): Reading {
    if (counted) this.report.layouts[r.layout] = (this.report.layouts[r.layout] ?? 0) + 1;
    return r;
  }
}
