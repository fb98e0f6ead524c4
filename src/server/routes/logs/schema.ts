import { z } from "zod";
import { text } from "../../../domain/model/text.ts";

/** A duration like `30m`, `12h`, `14d`, `2w` in milliseconds. */
export const DurationSchema = text()
  .regex(/^\d+(ms|s|m|h|d|w)$/, "expected a duration like 30m, 12h, 14d or 2w")
  .transform((v) => {
    const m = /^(\d+)(ms|s|m|h|d|w)$/.exec(v) as RegExpExecArray;
    const unit = { ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 }[m[2] as "ms"];
    return Number(m[1]) * unit;
  });

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
  mode: z.enum(["sequential", "strict", "any"]).default("sequential"),
  window: DurationSchema.optional(),
  by: text().min(1).optional(),
});

/** Query naming the log of a map's data overlay. */
export const MapDataQuery = z.strictObject({ logId: text().min(1).max(64) });
