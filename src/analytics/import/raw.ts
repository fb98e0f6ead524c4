/** One row as read from a file, before column mapping and validation. */
export interface RawRow {
  /** 1-based line (text formats) or record number (JSON array, Parquet). */
  line: number;
  /** Cells by column name. */
  values: Record<string, unknown>;
}

/** Rows of a file plus the header, when the format has one. */
export interface RawSource {
  /** Column names known before the first row (CSV header, Parquet schema). */
  headers?: string[];
  /** The rows in file order. */
  rows: AsyncIterable<RawRow>;
}
