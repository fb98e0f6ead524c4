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
export interface ColumnChoice {
  case: string;
  activity: string;
  timestamp: string;
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

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

/**
 * The delimiter that splits every line into the same number (> 1) of fields, preferring more
 * fields; `,` when none is consistent.
 */
export function detectDelimiter(lines: readonly string[]): string {
  let best: { d: string; n: number } = { d: ",", n: 1 };
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => splitLine(l, d).length);
    const n = counts[0] ?? 1;
    if (n > best.n && counts.every((c) => c === n)) best = { d, n };
  }
  return best.d;
}

/** Reads the header and up to `max` rows of CSV/TSV text (a BOM is dropped; blank lines skipped). */
export function previewCsv(text: string, max = 20, delimiter?: string): CsvPreview {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  // The last line of a partial read may be cut in the middle.
  const complete = lines.slice(0, max + 1);
  const d = delimiter ?? detectDelimiter(complete.slice(0, Math.min(complete.length, 10)));
  const [head = "", ...rest] = complete;
  return { delimiter: d, header: splitLine(head, d), rows: rest.map((l) => splitLine(l, d)) };
}

const NAMES: Record<keyof ColumnChoice, RegExp[]> = {
  case: [
    /^case:concept:name$/i,
    /^case[ _-]?id$/i,
    /^(user|customer|client|session|visitor)[ _-]?id$/i,
    /^case$/i,
  ],
  activity: [/^concept:name$/i, /^activity$/i, /^event[ _-]?name$/i, /^event$/i, /^action$/i, /^step$/i],
  timestamp: [/^time:timestamp$/i, /^timestamp$/i, /^event[ _-]?time$/i, /^(time|date|datetime|ts)$/i],
};

/** Best guess of the case / activity / timestamp columns from common names (XES and analytics). */
export function guessColumns(header: readonly string[]): ColumnChoice {
  const pick = (k: keyof ColumnChoice) => {
    for (const re of NAMES[k]) {
      const hit = header.find((h) => re.test(h.trim()));
      if (hit !== undefined) return hit;
    }
    return "";
  };
  return { case: pick("case"), activity: pick("activity"), timestamp: pick("timestamp") };
}

/** Whether a file is read as delimited text (its preview and column form apply). */
export const isDelimited = (name: string) => /\.(csv|tsv|txt)$/i.test(name);

/** The first `bytes` of a file as text. */
export async function readHead(file: Blob, bytes = 64 * 1024): Promise<string> {
  return file.slice(0, bytes).text();
}
