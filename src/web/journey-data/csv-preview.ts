import { detectDelimiter } from "../../domain/csv/delimiter.ts";
import { guessColumns as guessLogColumns, type LogColumns } from "../../domain/csv/log-columns.ts";

export { detectDelimiter };

/** The first rows of a delimited file, read client-side to preview it and pick its columns. */
export interface CsvPreview {
  /** Detected (or given) field delimiter. */
  delimiter: string;
  /** Column names (first row). */
  header: string[];
  /** Following rows, as many as were read. */
  rows: string[][];
}

/** Which columns hold the case id, the activity and the timestamp ("" = let the server detect). */
export type ColumnChoice = LogColumns;

/** Splits one line into fields, honouring double quotes ("" inside quotes is a quote). */
export function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Reads the header and up to `max` rows of CSV/TSV text (a BOM is dropped; blank lines skipped). */
export function previewCsv(text: string, max = 20, delimiter?: string): CsvPreview {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  // The last line of a partial read may be cut in the middle.
  const complete = lines.slice(0, max + 1);
  const d = delimiter ?? detectDelimiter(complete.slice(0, 10));
  const [head = "", ...rest] = complete;
  return { delimiter: d, header: splitLine(head, d), rows: rest.map((l) => splitLine(l, d)) };
}

/** Best guess of the case / activity / timestamp columns, by the server's own rules ("" = none). */
export function guessColumns(header: readonly string[]): ColumnChoice {
  const found = guessLogColumns(header);
  return { case: found.case ?? "", activity: found.activity ?? "", timestamp: found.timestamp ?? "" };
}

/** Whether a file is read as delimited text (its preview and column form apply). */
export const isDelimited = (name: string) => /\.(csv|tsv|txt)$/i.test(name);

/** The first `bytes` of a file as text. */
export async function readHead(file: Blob, bytes = 64 * 1024): Promise<string> {
  return file.slice(0, bytes).text();
}
