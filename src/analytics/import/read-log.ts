import { WaylineError } from "../../domain/errors.ts";
import {
  type ImportOptions,
  type ImportOptionsInput,
  ImportOptionsSchema,
  type ImportReport,
  type LogEvent,
} from "../model.ts";
import { CONNECTOR_MAPPING, connect } from "./connect.ts";
import { readCsv } from "./csv-reader.ts";
import { readJson } from "./json-reader.ts";
import { applyLifecycle } from "./lifecycle.ts";
import { assertRegularFile, type ReadLimits, readLimits } from "./limits.ts";
import { normaliseRows } from "./normalise.ts";
import type { RawSource } from "./raw.ts";
import { checkTimestampSettings } from "./timestamps/reader.ts";
import { CLASSIFIER_COLUMN, readXes, type XesHeader } from "./xes-reader.ts";

/** Supported file formats. */
export type LogFormat = "csv" | "json" | "xes" | "parquet";

/** Detects the format from the file name (`.csv .tsv .txt`, `.json .ndjson .jsonl`, `.xes[.gz]`, `.parquet`). */
export function detectFormat(path: string): LogFormat {
  const p = path.toLowerCase().replace(/\.gz$/, "");
  if (p.endsWith(".xes")) return "xes";
  if (p.endsWith(".parquet") || p.endsWith(".pq")) return "parquet";
  if (p.endsWith(".json") || p.endsWith(".ndjson") || p.endsWith(".jsonl")) return "json";
  return "csv";
}

/** A log being read: the events (single pass) and a report filled in while they stream. */
export interface EventStream {
  /** File read. */
  path: string;
  /** Format used. */
  format: LogFormat;
  /** Events in file order; iterate once. */
  events: AsyncIterable<LogEvent>;
  /** Rows, accepted events and invalid rows; complete after `events` is exhausted. */
  report: ImportReport;
}

/** Validates raw option input, turning zod issues into `invalid_request`. */
export function parseImportOptions(input: ImportOptionsInput = {}): ImportOptions {
  const r = ImportOptionsSchema.safeParse(input);
  if (!r.success)
    throw new WaylineError(
      "invalid_request",
      `invalid import options: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  checkTimestampSettings(r.data);
  if (r.data.classifier !== undefined && r.data.activity !== undefined)
    throw new WaylineError(
      "invalid_request",
      "give either an activity column or an XES classifier, not both",
      {
        field: "classifier",
      },
    );
  return r.data;
}

async function openSource(
  path: string,
  format: LogFormat,
  o: ImportOptions,
  shown: string,
  limits: ReadLimits,
  header: (h: XesHeader) => void,
): Promise<RawSource> {
  if (o.classifier !== undefined && format !== "xes")
    throw new WaylineError("invalid_request", `${shown}: a classifier applies to XES files only`, {
      field: "classifier",
    });
  if (format === "csv") return readCsv(path, o.delimiter, shown, limits);
  if (format === "json") return readJson(path, shown, limits);
  if (format === "xes") return { rows: readXes(path, shown, limits, o.classifier, header) };
  // DuckDB (native) is loaded only when a Parquet file is read (not at server start).
  const { readParquet } = await import("../duckdb/parquet-reader.ts");
  return readParquet(path);
}

/** How a file is read: the name errors show (the user's, not a temporary path) and limits. */
export interface ReadAs {
  /** Name in error messages; default the path. */
  shown?: string;
  /** Lower limits (tests). */
  limits?: Partial<ReadLimits>;
}

/**
 * Opens an event log file of any supported format as a stream of normalised events. Only
 * regular files are read (`/dev/zero`, FIFOs and folders are refused at once).
 */
export async function readEventLog(
  path: string,
  input: ImportOptionsInput = {},
  as: ReadAs = {},
): Promise<EventStream> {
  const o = parseImportOptions(input);
  const shown = as.shown ?? path;
  await assertRegularFile(path, shown);
  const format = o.format ?? detectFormat(path);
  const report: ImportReport = { rows: 0, events: 0, errors: [] };
  const source = await openSource(path, format, o, shown, readLimits(as.limits), (h) => {
    report.classifiers = h.classifiers;
  });
  if (o.classifier !== undefined) report.classifier = o.classifier;
  const activity = o.classifier !== undefined ? CLASSIFIER_COLUMN : o.activity;
  const given = o.case !== undefined || activity !== undefined || o.timestamp !== undefined;
  if (given && o.connector !== "auto" && o.connector !== "none")
    throw new WaylineError(
      "invalid_request",
      "a connector maps the columns itself: give either columns or a connector",
      {
        field: "connector",
      },
    );
  // Columns given (or an XES log) mean a plain log: connectors are for other tools' exports.
  const wanted = given || format === "xes" ? "none" : o.connector;
  const connected = await connect(source, wanted, report, shown);
  const overrides = connected.connector
    ? CONNECTOR_MAPPING
    : { case: o.case, activity, timestamp: o.timestamp };
  const settings = { timestampFormat: o.timestampFormat, timezone: o.timezone };
  const rows = normaliseRows(shown, connected.source, overrides, o.errorLimit, report, settings);
  // `all` reads every transition as an event: no extra pass over the stream (big logs).
  const events = o.lifecycle === "all" ? rows : applyLifecycle(rows, o.lifecycle, report);
  return { path, format, events, report };
}

/** Reads a whole log into memory (small logs, tests, the reference engine). */
export async function readAllEvents(
  path: string,
  input: ImportOptionsInput = {},
  as: ReadAs = {},
): Promise<{ events: LogEvent[]; report: ImportReport }> {
  const stream = await readEventLog(path, input, as);
  const events: LogEvent[] = [];
  for await (const e of stream.events) events.push(e);
  return { events, report: stream.report };
}
