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
 *   4. trailer `{"end":{"rows":{"<table>":n,…},"files":n}}` — a file without it is truncated
 *
 * Rows are dialect-neutral: a SQLite backup restores into PostgreSQL and back.
 */
export const BACKUP_FORMAT = "wayline-backup";
/** The version this build writes and reads. */
export const BACKUP_VERSION = 1;
/** Raw bytes per `chunk` line. */
export const CHUNK_BYTES = 1024 * 1024;

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
  z.object({ end: z.object({ rows: z.record(z.string(), z.number()), files: z.number() }) }),
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
