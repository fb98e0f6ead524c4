import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { WaylineError } from "../../domain/errors.ts";
import { detectDelimiter } from "./delimiter.ts";
import { type ReadLimits, readLimits, recordTooLarge } from "./limits.ts";
import type { RawRow, RawSource } from "./raw.ts";

/** Reads the first bytes of a file as UTF-8 (for sniffing). */
export async function readSample(path: string, bytes = 65_536): Promise<string> {
  const fh = await open(path, "r").catch((e: NodeJS.ErrnoException) => {
    throw new WaylineError("invalid_request", `${path}: cannot read: ${e.code ?? e.message}`);
  });
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString("utf8");
  } finally {
    await fh.close();
  }
}

/** Column names from a header record: blanks become `column1`…, duplicates get a suffix. */
export function headerNames(record: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return record.map((raw, i) => {
    const base = raw.trim() === "" ? `column${i + 1}` : raw.trim();
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}_${n + 1}`;
  });
}

type Parsed = { record: string[]; info: { lines: number } };

/** A csv-parse failure as a located error naming the user's file. */
function csvFailure(e: unknown, shown: string, limit: number): WaylineError {
  const err = e as Error & { code?: string; lines?: number };
  if (err.code === "CSV_MAX_RECORD_SIZE") return recordTooLarge(shown, `line ${err.lines ?? "?"}`, limit);
  const at = err.lines ? ` at line ${err.lines}` : "";
  return new WaylineError("invalid_request", `${shown}: cannot read CSV${at}: ${err.message}`);
}

async function* csvRows(
  records: AsyncIterator<Parsed>,
  headers: string[],
  fail: (e: unknown) => WaylineError,
): AsyncGenerator<RawRow> {
  for (;;) {
    let next: IteratorResult<Parsed>;
    try {
      next = await records.next();
    } catch (e) {
      throw fail(e);
    }
    if (next.done) return;
    const { record, info } = next.value;
    const values: Record<string, unknown> = {};
    if (record.length !== headers.length)
      values.__error = `expected ${headers.length} fields, found ${record.length}`;
    for (let i = 0; i < headers.length && i < record.length; i++) values[headers[i] as string] = record[i];
    yield { line: info.lines, values };
  }
}

/**
 * Streams a CSV/TSV file: BOM removed, delimiter detected unless given, RFC 4180 quoting.
 * Rows with the wrong number of fields carry an `__error` value for the normaliser to report; a
 * record over `limits.recordChars` stops the read with a located 413 (never buffered whole).
 */
export async function readCsv(
  path: string,
  delimiter?: string,
  shown: string = path,
  limits: ReadLimits = readLimits(),
): Promise<RawSource & { delimiter: string }> {
  const sep =
    delimiter ?? (path.toLowerCase().endsWith(".tsv") ? "\t" : detectDelimiter(await readSample(path)));
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: sep,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: limits.recordChars,
    }),
  );
  const fail = (e: unknown) => csvFailure(e, shown, limits.recordChars);
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<Parsed>;
  let first: IteratorResult<Parsed>;
  try {
    first = await it.next();
  } catch (e) {
    parser.destroy();
    throw fail(e);
  }
  if (first.done)
    throw new WaylineError("invalid_request", `${shown}: the file is empty (expected a header row)`);
  const headers = headerNames(first.value.record);
  return { headers, rows: csvRows(it, headers, fail), delimiter: sep };
}

/** The header names and delimiter of a CSV file, read from its first bytes only. */
export async function readCsvHeader(
  path: string,
  delimiter?: string,
): Promise<{ headers: string[]; delimiter: string }> {
  const sample = await readSample(path);
  const sep = delimiter ?? (path.toLowerCase().endsWith(".tsv") ? "\t" : detectDelimiter(sample));
  const records = parseSync(sample, {
    bom: true,
    delimiter: sep,
    to_line: 1,
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
  const first = records[0];
  if (!first) throw new WaylineError("invalid_request", `${path}: the file is empty (expected a header row)`);
  return { headers: headerNames(first), delimiter: sep };
}
