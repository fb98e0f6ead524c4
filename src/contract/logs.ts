import { z } from "zod";
import type { ImportReport, RowError as ImportRowError } from "../analytics/model.ts";
import { CONNECTOR_NAMES } from "../domain/connectors/index.ts";
import { parseDuration } from "../domain/duration.ts";
import { FUNNEL_MODES, type FunnelMode } from "../domain/journey-data/index.ts";
import { text } from "../domain/model/text.ts";
import type { EventLogInfo } from "../services/logs/log-library.ts";
import type {
  MapDataReport as DataReport,
  MapDurationsReport as DurationsReport,
} from "../services/logs/map-data-service.ts";
import type { MapView } from "./journeys.ts";

// `/api/logs` and a map's data overlay under `/api/journeys/:id/data` (docs/api.md). The result
// shapes of the analytics (`LogStats`, `FunnelResult` …) are the domain's
// (src/domain/journey-data/log-results.ts); the log's listing is the log library's.

/** A duration like `30m`, `12h`, `14d`, `2w` in milliseconds (a unit is required). */
export const DurationSchema = text()
  .refine((v) => parseDuration(v) !== null, "expected a duration like 30m, 12h, 14d or 2w")
  .transform((v) => parseDuration(v) as number);

const column = text().min(1).max(200).optional();

/** Query of `POST /api/logs` (the body is the file itself). */
export const UploadLogQuery = z.strictObject({
  /** Display name (default: the file name). */
  name: text().min(1).max(200).optional(),
  /** Original file name; its extension picks the format (csv, tsv, json, ndjson, xes, xes.gz, parquet). */
  filename: text()
    .min(1)
    .max(255)
    .regex(/^[^/\\]+$/, "a file name, not a path"),
  case: column,
  activity: column,
  timestamp: column,
  delimiter: text().length(1).optional(),
  format: z.enum(["csv", "json", "xes", "parquet"]).optional(),
  errorLimit: z.coerce.number().int().min(0).max(100_000).optional(),
  /** strftime-style layout of the timestamps (detected when absent). */
  timestampFormat: text().min(1).max(100).optional(),
  /** IANA zone or offset of timestamps written without one (UTC when absent). */
  timezone: text().min(1).max(64).optional(),
  /** Lifecycle transitions: all (default), complete, merge. */
  lifecycle: z.enum(["all", "complete", "merge"]).optional(),
  /** XES classifier (by name) that makes the activity. */
  classifier: text().min(1).max(200).optional(),
  /** Another tool's export: auto (default, detected from the columns), none, or a connector name. */
  connector: z.enum(["auto", "none", ...CONNECTOR_NAMES]).optional(),
});

/** Query of `GET /api/logs/:id/variants`. */
export const VariantsQuery = z.strictObject({ top: z.coerce.number().int().min(1).max(100_000).default(10) });

/** Query of `GET /api/logs/:id/paths`. */
export const PathsQuery = z.strictObject({
  from: text().min(1).optional(),
  to: text().min(1).optional(),
  depth: z.coerce.number().int().min(1).max(20).default(3),
  top: z.coerce.number().int().min(1).max(10_000).default(10),
});

/** Query of `GET /api/logs/:id/funnel`. */
export const FunnelQuery = z.strictObject({
  /** Comma-separated activities, in order. */
  steps: text()
    .min(1)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  mode: z.enum(FUNNEL_MODES).default("sequential"),
  window: DurationSchema.optional(),
  by: text().min(1).optional(),
});

/** Query naming the log of a map's data overlay (`GET /api/journeys/:id/data`). */
export const MapDataQuery = z.strictObject({ logId: text().min(1).max(64) });

/**
 * Body of `POST /api/journeys/:id/data/kpis`: the log, and optionally the past day (YYYY-MM-DD, UTC)
 * whose values to record — computed from the events before the end of that day only.
 */
export const FillKpisBody = MapDataQuery.extend({
  asOf: z.iso.date().optional(),
});

/** Column mapping and format options of a log upload as a client sends them (absent = detect). */
export type UploadLogOptions = Omit<z.input<typeof UploadLogQuery>, "filename" | "errorLimit">;

/** Query of `GET /api/logs/:id/paths` as a client sends it. */
export type PathsRequest = { from?: string; to?: string; depth?: number; top?: number };

export type { FunnelMode };

/** Query of `GET /api/logs/:id/funnel` as a client sends it (steps as a list). */
export interface FunnelRequest {
  /** Activities, in order. */
  steps: string[];
  /** How the steps must follow each other. */
  mode: FunnelMode;
  /** Longest time from the first step to the last, e.g. `14d`. */
  window?: string;
  /** Attribute to break the funnel down by. */
  by?: string;
}

/** A workspace log as `GET /api/logs` lists it (and `POST /api/logs` answers it). */
export type LogInfo = EventLogInfo;

/** What an import read and rejected. */
export type LogImportReport = ImportReport;

/** One invalid row of an import. */
export type RowError = ImportRowError;

/** Answer of `GET /api/journeys/:id/data`: designed vs actual on one log. */
export type MapDataReport = DataReport;

/**
 * Answer of `GET /api/journeys/:id/data/durations?logId=`: the log's activity durations and every
 * stage of the map with its measured time in stage (median, p90 …), its SLA and status.
 */
export type MapDurationsReport = DurationsReport;

/** Answer of `POST /api/journeys/:id/data/kpis`: the map with its KPI lane filled, and the report. */
export interface FillKpisResult {
  /** The map after the KPI cards were written. */
  map: MapView;
  /** The data report the KPIs were computed from. */
  report: MapDataReport;
}
