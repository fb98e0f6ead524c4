import { z } from "zod";

/**
 * The backup file (`wayline backup -o FILE`), format version 1: a gzip stream of JSON lines.
 *
 *   1. header  `{"format":"wayline-backup","version":1,"createdAt","waylineVersion","dialect","migrations":[…]}`
 *   2. rows    `{"table":"journeys","row":{…}}` — tables in foreign-key order; binary columns as
 *              `{"$base64":"…"}`, everything else as the database returned it (text, integers, null)
 *   3. files   `{"file":"logs/<id>.duckdb","size":N,"sha256":"…"}` then its bytes as
 *              `{"chunk":"<base64 of ≤ 1 MiB>"}` lines; `{"missing":"logs/<id>.duckdb","log":"<id>"}`
 *              when a log was deleted between the snapshot and the copy (restore drops its row)
 *   4. events  (version 2) of each log held outside the data folder (ClickHouse):
 *              `{"events":"<log id>"}`, then `{"batch":[[caseId,activity,timestamp,seq,{attrs}],…]}`
 *              lines of ≤ EVENTS_PER_LINE events (and ≈ ≤ 1 MiB), then `{"eventsEnd":"<log id>","count":n}`;
 *              `{"missing":"clickhouse:<id>","log":"<id>"}` when its tables were dropped meanwhile
 *   5. trailer `{"end":{"rows":{"<table>":n,…},"files":n,"events":{"<log id>":n,…}}}` — a file
 *              without it is truncated
 *
 * Rows are dialect-neutral: a SQLite backup restores into PostgreSQL and back. Version 1 files
 * (no events records) are read by this build too.
 */
export const BACKUP_FORMAT = "wayline-backup";
/** The version this build writes. */
export const BACKUP_VERSION = 2;
/** The versions this build reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** Raw bytes per `chunk` line. */
export const CHUNK_BYTES = 1024 * 1024;
/** Events per `batch` line (fewer when they pass `CHUNK_BYTES` of JSON first). */
export const EVENTS_PER_LINE = 2000;

/** One event as a backup line holds it: `[caseId, activity, timestamp (epoch ms), seq, attrs]`. */
export const BackupEventSchema = z.tuple([
  z.string(),
  z.string(),
  z.number().int(),
  z.number().int().min(0),
  z.record(z.string(), z.string()),
]);
export type BackupEvent = z.infer<typeof BackupEventSchema>;

/** The first line. */
export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  waylineVersion: z.string(),
  dialect: z.enum(["sqlite", "postgres"]),
  /** Schema migrations applied in the source database, in order. */
  migrations: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** Every line after the header. */
export const BackupRecordSchema = z.union([
  z.object({ table: z.string().regex(/^[a-z_][a-z0-9_]*$/), row: z.record(z.string(), z.unknown()) }),
  z.object({
    file: z.string().regex(/^logs\/[A-Za-z0-9_-]+\.duckdb(\.wal)?$/),
    size: z.number().int().min(0),
    sha256: z.string(),
  }),
  z.object({ chunk: z.string() }),
  z.object({ missing: z.string(), log: z.string() }),
  z.object({ events: z.string() }),
  z.object({ batch: z.array(z.unknown()) }),
  z.object({ eventsEnd: z.string(), count: z.number().int().min(0) }),
  z.object({
    end: z.object({
      rows: z.record(z.string(), z.number()),
      files: z.number(),
      events: z.record(z.string(), z.number()).optional(),
    }),
  }),
]);
export type BackupRecord = z.infer<typeof BackupRecordSchema>;

/** A value as written: binary as `{"$base64"}`. */
export function encodeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $base64: Buffer.from(v).toString("base64") };
  if (typeof v === "bigint") return Number(v);
  return v;
}

/** A value as read back. */
export function decodeValue(v: unknown): unknown {
  if (v && typeof v === "object" && "$base64" in v && typeof (v as { $base64: unknown }).$base64 === "string")
    return new Uint8Array(Buffer.from((v as { $base64: string }).$base64, "base64"));
  return v;
}
