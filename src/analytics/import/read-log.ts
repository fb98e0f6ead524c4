import { stat } from "node:fs/promises";
import { WaylineError } from "../../domain/errors.ts";
import { readParquet } from "../duckdb/parquet-reader.ts";
import {
  type ImportOptions,
  type ImportOptionsInput,
  ImportOptionsSchema,
  type ImportReport,
  type LogEvent,
} from "../model.ts";
import { readCsv } from "./csv-reader.ts";
import { readJson } from "./json-reader.ts";
import { normaliseRows } from "./normalise.ts";
import type { RawSource } from "./raw.ts";
import { readXes } from "./xes-reader.ts";

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
  return r.data;
}

async function openSource(path: string, format: LogFormat, o: ImportOptions): Promise<RawSource> {
  if (format === "csv") return readCsv(path, o.delimiter);
  if (format === "json") return readJson(path);
  if (format === "xes") return { rows: readXes(path) };
  return readParquet(path);
}

/** Opens an event log file of any supported format as a stream of normalised events. */
export async function readEventLog(path: string, input: ImportOptionsInput = {}): Promise<EventStream> {
  const o = parseImportOptions(input);
  try {
    await stat(path);
  } catch (e) {
    throw new WaylineError(
      "invalid_request",
      `${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? e}`,
    );
  }
  const format = o.format ?? detectFormat(path);
  const source = await openSource(path, format, o);
  const report: ImportReport = { rows: 0, events: 0, errors: [] };
  const overrides = { case: o.case, activity: o.activity, timestamp: o.timestamp };
  const events = normaliseRows(path, source, overrides, o.errorLimit, report);
  return { path, format, events, report };
}

/** Reads a whole log into memory (small logs, tests, the reference engine). */
export async function readAllEvents(
  path: string,
  input: ImportOptionsInput = {},
): Promise<{ events: LogEvent[]; report: ImportReport }> {
  const stream = await readEventLog(path, input);
  const events: LogEvent[] = [];
  for await (const e of stream.events) events.push(e);
  return { events, report: stream.report };
}
