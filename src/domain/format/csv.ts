import { detectDelimiterInSample } from "../csv/delimiter.ts";
import { invalid } from "../errors.ts";
import { type Grid, type GridImportOptions, gridToMap, mapToGrid } from "./grid.ts";
import type { ExportInput, ImportContext } from "./transfer.ts";

const needsQuotes = /[",\r\n;]|^\s|\s$/;

/** RFC 4180 CSV text of rows (CRLF line ends, fields quoted when needed). */
export function writeCsv(rows: Grid): string {
  return `${rows.map((r) => r.map((c) => (needsQuotes.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n")}\r\n`;
}

/** Parses CSV (quoted fields with line breaks and doubled quotes; `,` `;` or tab). */
export function parseCsv(text: string): Grid {
  const src = text.replace(/^\uFEFF/, "");
  const d = detectDelimiterInSample(src.slice(0, 65_536));
  const rows: Grid = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === d) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      line++;
    } else cell += ch;
  }
  if (quoted)
    throw invalid("invalid_document", "broken CSV", [
      { path: `line ${line}`, message: "a quoted field is never closed" },
    ]);
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

/** CSV export: the grid (stages across, lanes down, one card per line in a cell). */
export function toCsv(input: Pick<ExportInput, "map" | "personas">): string {
  return writeCsv(mapToGrid(input.map, input.personas));
}

/** CSV import of a team's grid (see `gridToMap`). */
export function fromCsv(text: string, ctx: ImportContext, opts: Omit<GridImportOptions, "sheet"> = {}) {
  return gridToMap(parseCsv(text), ctx, { ...opts, sheet: "CSV" });
}
